import type { MigrationCandidates, MigrationChoice, WaitingStep } from '../api';

/**
 * The versions the page starts with: from the oldest version that still has instances in flight (other than the newest
 * published), to the newest published one.
 */
export function defaultVersions(candidates: MigrationCandidates): { from: number | null; to: number | null } {
  const published = candidates.versions.filter((v) => v.published).map((v) => v.version);
  const to = published.length > 0 ? Math.max(...published) : null;
  const busy = candidates.versions.filter((v) => v.running + v.faulted > 0).map((v) => v.version);
  const from = busy.find((v) => v !== to) ?? busy[0] ?? null;
  return { from, to };
}

/** The choice as the server gets it: only the steps mapped by hand, and the instances in a stable order. */
export function normaliseChoice(choice: MigrationChoice): MigrationChoice {
  return {
    fromVersion: choice.fromVersion,
    toVersion: choice.toVersion,
    instanceIds: [...choice.instanceIds].sort(),
    mapping: Object.fromEntries(Object.entries(choice.mapping).filter(([, to]) => to !== '').sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** What a dry run was made for: one shown for any other choice is out of date, and migrating waits for a fresh one. */
export const choiceKey = (choice: MigrationChoice) => JSON.stringify(normaliseChoice(choice));

export type TimerKind = 'deadline' | 'reminder' | 'checkIn' | 'overdue' | 'timer';

/** What a timer bookmark's key says it is (the waiting steps' own keys: deadline, reminder:N, checkin:ACTION, overdue:ACTION). */
export function timerKind(key: string | null): TimerKind {
  if (key === 'deadline') return 'deadline';
  if (key?.startsWith('reminder:')) return 'reminder';
  if (key?.startsWith('checkin:')) return 'checkIn';
  if (key?.startsWith('overdue:')) return 'overdue';
  return 'timer';
}

export interface WaitSummary {
  /** Members' (or the coordinator's) answers awaited, one per open request. */
  answers: number;
  /** Whether the step takes the coordinator's commands (remind, extend, close). */
  commands: boolean;
  signals: string[];
  timers: { kind: TimerKind; dueAt: string }[];
}

/** A waiting step's bookmarks as a person reads them: how many answers, which signals, which timers when. */
export function summarise(step: WaitingStep): WaitSummary {
  const summary: WaitSummary = { answers: 0, commands: false, signals: [], timers: [] };
  for (const wait of step.waits) {
    if (wait.kind === 'Timer' && wait.dueAt) summary.timers.push({ kind: timerKind(wait.key), dueAt: wait.dueAt });
    else if (wait.kind === 'Signal') summary.signals.push(wait.key ?? '');
    else if (wait.key === 'command') summary.commands = true;
    else summary.answers++;
  }
  summary.timers.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return summary;
}
