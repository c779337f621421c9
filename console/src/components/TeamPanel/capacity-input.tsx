import { useState } from 'preact/hooks';
import type { Workspace } from '../../lib/workspace/create-workspace.js';

/** Highest capacity the server accepts (`MAX_CAPACITY` in the routing service). */
const MAX_CAPACITY = 100;

export interface CapacityInputProps {
  workspace: Workspace;
  agentId: string;
  /** The capacity the server holds (live presence). */
  capacity: number;
  /** Accessible name, e.g. "Capacity of Bob". */
  label: string;
}

/**
 * Admins' capacity field (team panel and the agents settings): sent on change or Enter; an
 * invalid value snaps back to the stored one. The typed value shows until the server confirms.
 */
export function CapacityInput({ workspace, agentId, capacity, label }: CapacityInputProps) {
  const [draft, setDraft] = useState<string | null>(null);

  async function commit(value: string) {
    const next = Number(value);
    if (value === '' || !Number.isInteger(next) || next < 0 || next > MAX_CAPACITY) {
      setDraft(null);
      return;
    }
    if (next === capacity) return setDraft(null);
    await workspace.setCapacity(agentId, next);
    setDraft(null);
  }

  return (
    <input
      type="number"
      class="team-panel__capacity"
      min={0}
      max={MAX_CAPACITY}
      step={1}
      aria-label={label}
      value={draft ?? String(capacity)}
      onInput={(event) => setDraft(event.currentTarget.value)}
      onChange={(event) => void commit(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit(event.currentTarget.value);
      }}
    />
  );
}
