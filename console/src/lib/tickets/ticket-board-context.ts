import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TicketBoard } from './ticket-board.js';

/** The signed-in session's ticket board, provided by the inbox screen to whatever shows tickets. */
export const TicketBoardContext = createContext<TicketBoard | null>(null);

/** The session's ticket board; only rendered below the inbox screen, which always provides one. */
export function useTicketBoard(): TicketBoard {
  const board = useContext(TicketBoardContext);
  if (!board) throw new Error('useTicketBoard() outside the signed-in console');
  return board;
}
