import type { ActivityDescriptor, Definition } from './model/definition';
import type { Problem } from './model/problems';

export interface DefinitionSummary {
  id: string;
  name: string;
  publishedVersion: number | null;
  draftVersion: number | null;
  versions: number[];
}

export interface DefinitionView {
  id: string;
  version: number;
  isPublished: boolean;
  publishedAt: string | null;
  definition: Definition;
}

/** A language the service speaks (GET /api/languages): its code and its name in itself, e.g. { code: 'ru', name: 'русский' }. */
export interface ServiceLanguage {
  code: string;
  name: string;
}

/** An RFC 7807 answer; `problems` holds a rejected definition's errors with their JSON paths. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  // The service answers problems (a definition's, a refusal) in the language asked for: the designer's own.
  const language = { 'accept-language': document.documentElement.lang || 'et' };
  const response = await fetch(url, {
    method,
    // Every change says JSON, with a body or without: the host refuses a signed-in change that does not, so that no
    // other site's form can make one with the admin's cookie (docs/accounts.md).
    headers:
      method === 'GET'
        ? { accept: 'application/json', ...language }
        : { accept: 'application/json', 'content-type': 'application/json', ...language },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: Problem[] };
  throw new ApiError(response.status, problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`, Array.isArray(problem.errors) ? problem.errors : []);
}

/** A definition's versions, how many instances run or stopped faulted on each, and those instances. */
export interface MigrationCandidates {
  definitionId: string;
  name: string;
  versions: { version: number; published: boolean; publishedAt: string | null; running: number; faulted: number }[];
  instances: InstanceInFlight[];
}

export interface InstanceInFlight {
  instanceId: string;
  version: number;
  status: 'Running' | 'Suspended' | 'Faulted';
  stage: string | null;
  networkId: string | null;
  networkName: string | null;
  fault: string | null;
  updatedAt: string;
}

export interface WaitingOn {
  bookmarkId: string;
  kind: 'Response' | 'Timer' | 'Signal';
  key: string | null;
  dueAt: string | null;
}

export interface WaitingStep {
  activityId: string;
  type: string;
  stage: string | null;
  waits: WaitingOn[];
}

export type MappingProblem = 'NotInVersion' | 'OtherType' | 'UnknownTarget' | 'TakenTwice';
export type MigrationStatus = 'Ready' | 'Migrated' | 'Blocked' | 'AlreadyMoved' | 'NotEligible';

export interface StepMapping {
  from: string;
  type: string;
  to: string | null;
  how: 'SameId' | 'ByHand' | 'Unmapped';
  problem: MappingProblem | null;
  message: string | null;
}

export interface InstanceMigration {
  instanceId: string;
  fromVersion: number;
  toVersion: number;
  status: MigrationStatus;
  instanceStatus: string;
  reason: string | null;
  steps: StepMapping[];
  waitsNow: WaitingStep[];
  waitsAfter: WaitingStep[];
  timers: { activityId: string; key: string | null; dueAt: string; change: 'Added' | 'Removed' }[];
  notes: string[];
  missingVariables: string[];
}

export interface StepLinks {
  activityId: string;
  requests: number;
  answered: number;
  links: number;
  stayValid: boolean;
}

export interface InstanceMigrationView {
  migration: InstanceMigration;
  networkId: string | null;
  networkName: string | null;
  links: StepLinks[];
}

export interface StepProposal extends StepMapping {
  instances: number;
  candidates: string[];
}

export interface MigrationReport {
  definitionId: string;
  fromVersion: number;
  toVersion: number;
  dryRun: boolean;
  proposal: StepProposal[];
  instances: InstanceMigrationView[];
}

export interface MigrationChoice {
  fromVersion: number;
  toVersion: number;
  instanceIds: string[];
  mapping: Record<string, string>;
}

const definitions = '/api/workflow-definitions';
const migrations = (id: string) => `/api/admin/migrations/${encodeURIComponent(id)}`;
const one = (id: string) => `${definitions}/${encodeURIComponent(id)}`;

export const api = {
  descriptors: () => call<ActivityDescriptor[]>('GET', '/api/activity-descriptors'),
  languages: () => call<ServiceLanguage[]>('GET', '/api/languages'),
  list: () => call<DefinitionSummary[]>('GET', definitions),
  current: (id: string) => call<DefinitionView>('GET', one(id)),
  version: (id: string, version: number) => call<DefinitionView>('GET', `${one(id)}/versions/${version}`),
  create: (definition: Definition) => call<DefinitionView>('POST', definitions, definition),
  saveDraft: (definition: Definition) => call<DefinitionView>('PUT', one(definition.id), definition),
  publish: (id: string) => call<DefinitionView>('POST', `${one(id)}/publish`),
  migrationCandidates: (id: string) => call<MigrationCandidates>('GET', migrations(id)),
  dryRun: (id: string, choice: MigrationChoice) => call<MigrationReport>('POST', `${migrations(id)}/dry-run`, choice),
  migrate: (id: string, choice: MigrationChoice) => call<MigrationReport>('POST', migrations(id), choice),
};
