import type { Activity, Connection, Definition, Json, Localized, Position } from './definition';
import { connectionsOf } from './definition';

// Every edit returns a new document and copies only what it changes, so members the designer does not know,
// and their order, stay as they were: the round trip to the file is exact.

export const activityIdPattern = /^[a-z0-9][a-z0-9_-]{0,99}$/i;

function updateActivity(definition: Definition, id: string, change: (activity: Activity) => Activity): Definition {
  return { ...definition, activities: definition.activities.map((a) => (a.id === id ? change(a) : a)) };
}

/** Sets one input; `undefined` removes it, so an emptied optional input falls back to its default. */
export function setInput(definition: Definition, activityId: string, name: string, value: Json | undefined): Definition {
  return updateActivity(definition, activityId, (activity) => {
    const inputs = { ...(activity.inputs ?? {}) };
    if (value === undefined) delete inputs[name];
    else inputs[name] = value;
    return { ...activity, inputs };
  });
}

/** Replaces every input at once (the raw JSON editor of an activity whose type is unknown). */
export function setInputs(definition: Definition, activityId: string, inputs: Record<string, Json>): Definition {
  return updateActivity(definition, activityId, (activity) => ({ ...activity, inputs }));
}

export function setStage(definition: Definition, activityId: string, stage: string | undefined): Definition {
  return updateActivity(definition, activityId, (activity) => {
    const next = { ...activity, stage };
    if (stage === undefined) delete next.stage;
    return next;
  });
}

export function setName(definition: Definition, activityId: string, name: Localized | undefined): Definition {
  return updateActivity(definition, activityId, (activity) => {
    const next = { ...activity, name };
    if (name === undefined) delete next.name;
    return next;
  });
}

/** Why a new id cannot be used, or null when it can. */
export function idProblem(definition: Definition, oldId: string, newId: string): string | null {
  if (!activityIdPattern.test(newId)) return 'pattern';
  if (newId !== oldId && definition.activities.some((a) => a.id === newId)) return 'taken';
  return null;
}

/** Renames an activity and everything that names it: connections and the start. */
export function renameActivity(definition: Definition, oldId: string, newId: string): Definition {
  if (oldId === newId) return definition;
  const next: Definition = {
    ...updateActivity(definition, oldId, (activity) => ({ ...activity, id: newId })),
  };
  if (definition.connections)
    next.connections = definition.connections.map((c) =>
      c.from === oldId || c.to === oldId ? { ...c, from: c.from === oldId ? newId : c.from, to: c.to === oldId ? newId : c.to } : c,
    );
  if (definition.start === oldId) next.start = newId;
  return next;
}

/** A free id made from the type: WaitForSignal -> wait-for-signal-2. */
export function newActivityId(definition: Definition, type: string): string {
  const base = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9_-]/g, '-');
  const taken = new Set(definition.activities.map((a) => a.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function addActivity(definition: Definition, activity: Activity): Definition {
  return { ...definition, activities: [...definition.activities, activity] };
}

export function moveActivities(definition: Definition, positions: Map<string, Position>): Definition {
  return {
    ...definition,
    activities: definition.activities.map((a) => {
      const p = positions.get(a.id);
      return p ? { ...a, designer: { ...(a.designer ?? {}), x: Math.round(p.x), y: Math.round(p.y) } } : a;
    }),
  };
}

export function sameConnection(a: Connection, b: Pick<Connection, 'from' | 'outcome' | 'to'>): boolean {
  return a.from === b.from && a.outcome === b.outcome && a.to === b.to;
}

/** Adds a connection unless the same one is there already. */
export function connect(definition: Definition, connection: Connection): Definition {
  const connections = connectionsOf(definition);
  if (connections.some((c) => sameConnection(c, connection))) return definition;
  return { ...definition, connections: [...connections, connection] };
}

/**
 * Removes activities (with the connections to and from them) and connections by index.
 * The start is left as it is: if it named a removed activity, validation says so, rather than the designer guessing a new one.
 */
export function removeElements(definition: Definition, activityIds: Iterable<string>, connectionIndexes: Iterable<number>): Definition {
  const removed = new Set(activityIds);
  const dropped = new Set(connectionIndexes);
  const next: Definition = { ...definition, activities: definition.activities.filter((a) => !removed.has(a.id)) };
  if (definition.connections)
    next.connections = definition.connections.filter((c, i) => !dropped.has(i) && !removed.has(c.from) && !removed.has(c.to));
  return next;
}
