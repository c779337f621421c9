import { Emitter } from '@socket.io/component-emitter';

/**
 * socket.io's packet encoding (protocol 5) for text packets only. The widget build puts it in
 * place of `socket.io-parser` (see vite.config.ts): the widget sends and receives JSON only
 * (files go over HTTP), so the binary half of the real parser — most of its size — never runs on
 * a shopper's page. The format is checked against the real parser in socket-parser.test.ts.
 */

export const protocol = 5;

export enum PacketType {
  CONNECT = 0,
  DISCONNECT = 1,
  EVENT = 2,
  ACK = 3,
  CONNECT_ERROR = 4,
  BINARY_EVENT = 5,
  BINARY_ACK = 6,
}

export interface Packet {
  type: PacketType;
  nsp: string;
  id?: number;
  data?: unknown;
}

/** Turns a packet into the one string socket.io sends: type, namespace, ack id, JSON payload. */
export class Encoder {
  encode({ type, nsp, id, data }: Packet): string[] {
    return [`${type}${nsp && nsp !== '/' ? `${nsp},` : ''}${id ?? ''}${data == null ? '' : JSON.stringify(data)}`];
  }
}

/** Type 0–4 (no binary attachments), then `/namespace,` unless the main one, the ack id, the payload. */
const TEXT_PACKET = /^([0-4])(?:(\/[^,]*),?)?(\d*)([\s\S]*)$/;

/** Reads packet strings; emits `decoded` for each. Throws on anything else, and the manager closes the link. */
export class Decoder extends Emitter<
  Record<string, never>,
  Record<string, never>,
  { decoded: (packet: Packet) => void }
> {
  add(chunk: unknown): void {
    const match = typeof chunk === 'string' && TEXT_PACKET.exec(chunk);
    if (!match) throw new Error('socket.io: unsupported packet');
    const [, type, nsp = '/', id, payload] = match;
    const packet: Packet = { type: Number(type), nsp };
    if (id) packet.id = Number(id);
    if (payload) packet.data = JSON.parse(payload);
    this.emitReserved('decoded', packet);
  }

  destroy(): void {}
}
