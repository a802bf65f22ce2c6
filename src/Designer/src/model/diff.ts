import type { Activity, Connection, Definition } from './definition';
import { connectionsOf } from './definition';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ActivityChange {
  id: string;
  type: string;
  changes: FieldChange[];
}

export interface DefinitionDiff {
  added: Activity[];
  removed: Activity[];
  changed: ActivityChange[];
  /** Activities only moved on the canvas: listed apart, as they change nothing in how the workflow runs. */
  moved: string[];
  connectionsAdded: Connection[];
  connectionsRemoved: Connection[];
  /** Other members of the definition (name, description, stages, variables, start, ...). */
  other: FieldChange[];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, skip: string[], prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.includes(k));
  return keys.filter((k) => !deepEqual(before[k], after[k])).map((k) => ({ field: prefix + k, before: before[k], after: after[k] }));
}

const key = (c: Connection) => `${c.from}\u0000${c.outcome}\u0000${c.to}`;

/** Connections in `a` that `b` lacks, counting duplicates. */
function minus(a: Connection[], b: Connection[]): Connection[] {
  const left = new Map<string, number>();
  for (const c of b) left.set(key(c), (left.get(key(c)) ?? 0) + 1);
  return a.filter((c) => {
    const n = left.get(key(c)) ?? 0;
    if (n > 0) left.set(key(c), n - 1);
    return n === 0;
  });
}

/** What the draft changes against the published version, in the terms an admin thinks in. */
export function diffDefinitions(published: Definition, draft: Definition): DefinitionDiff {
  const before = new Map(published.activities.map((a) => [a.id, a]));
  const after = new Map(draft.activities.map((a) => [a.id, a]));
  const changed: ActivityChange[] = [];
  const moved: string[] = [];
  for (const activity of draft.activities) {
    const old = before.get(activity.id);
    if (!old) continue;
    const changes = [
      ...fieldChanges(old, activity, ['id', 'designer', 'inputs']),
      ...fieldChanges(old.inputs ?? {}, activity.inputs ?? {}, [], 'inputs.'),
    ];
    if (changes.length > 0) changed.push({ id: activity.id, type: activity.type, changes });
    else if (!deepEqual(old.designer, activity.designer)) moved.push(activity.id);
  }
  return {
    added: draft.activities.filter((a) => !before.has(a.id)),
    removed: published.activities.filter((a) => !after.has(a.id)),
    changed,
    moved,
    connectionsAdded: minus(connectionsOf(draft), connectionsOf(published)),
    connectionsRemoved: minus(connectionsOf(published), connectionsOf(draft)),
    other: fieldChanges(published, draft, ['version', 'activities', 'connections']),
  };
}

export function isEmptyDiff(diff: DefinitionDiff): boolean {
  return [diff.added, diff.removed, diff.changed, diff.moved, diff.connectionsAdded, diff.connectionsRemoved, diff.other].every((l) => l.length === 0);
}
