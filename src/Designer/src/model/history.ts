/**
 * Undo and redo over whole documents: edits are immutable, so a snapshot is as cheap as a reference.
 * Edits with the same `coalesce` key in a row (typing in one field, one drag) are one step.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey?: string;
}

const limit = 200;

export const start = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function record<T>(history: History<T>, next: T, coalesce?: string): History<T> {
  if (next === history.present) return history;
  if (coalesce !== undefined && coalesce === history.lastKey) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [], lastKey: coalesce };
}

/** Replaces the present without a step of its own (the server's copy after a save). */
export const replace = <T>(history: History<T>, next: T): History<T> => ({ ...history, present: next, lastKey: undefined });

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: history.past[history.past.length - 1], future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: history.future[0], future: history.future.slice(1) };
}
