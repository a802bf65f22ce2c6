import type { Connection, Definition } from './definition';

export interface Problem {
  path: string;
  message: string;
}

/** A problem of one activity: `field` is 'id', 'type', 'stage', 'name', `inputs.<name>`, or '' for the activity as a whole. */
export interface ActivityProblem extends Problem {
  field: string;
}

export interface PlacedProblems {
  /** By activity id. */
  activities: Map<string, ActivityProblem[]>;
  /** By the connection object of the document that was saved, which edits elsewhere leave as it is. */
  connections: Map<Connection, Problem[]>;
  /** Everything that belongs to no activity or connection ($.start, $.stages[0].id, ...). */
  general: Problem[];
}

const activityPath = /^\$\.activities\[(\d+)\](?:\.(.*))?$/;
const connectionPath = /^\$\.connections\[(\d+)\]/;

/** Puts the 400 answer's problems where they belong, reading the indexes in the paths against the document that was sent. */
export function placeProblems(problems: Problem[], sent: Definition): PlacedProblems {
  const placed: PlacedProblems = { activities: new Map(), connections: new Map(), general: [] };
  for (const problem of problems) {
    const activity = activityPath.exec(problem.path);
    const target = activity ? sent.activities[Number(activity[1])] : undefined;
    if (activity && target) {
      const list = placed.activities.get(target.id) ?? [];
      list.push({ ...problem, field: fieldOf(activity[2] ?? '') });
      placed.activities.set(target.id, list);
      continue;
    }
    const connection = connectionPath.exec(problem.path);
    const edge = connection ? sent.connections?.[Number(connection[1])] : undefined;
    if (edge) {
      placed.connections.set(edge, [...(placed.connections.get(edge) ?? []), problem]);
      continue;
    }
    placed.general.push(problem);
  }
  return placed;
}

/** `inputs.reminders[0]` belongs to the field `inputs.reminders`; `name.et` to `name`. */
function fieldOf(rest: string): string {
  const match = /^inputs\.([^.[]+)/.exec(rest);
  if (match) return `inputs.${match[1]}`;
  return rest.split(/[.[]/)[0];
}

export const noProblems: PlacedProblems = { activities: new Map(), connections: new Map(), general: [] };
