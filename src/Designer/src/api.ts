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
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: Problem[] };
  throw new ApiError(response.status, problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`, Array.isArray(problem.errors) ? problem.errors : []);
}

const definitions = '/api/workflow-definitions';
const one = (id: string) => `${definitions}/${encodeURIComponent(id)}`;

export const api = {
  descriptors: () => call<ActivityDescriptor[]>('GET', '/api/activity-descriptors'),
  list: () => call<DefinitionSummary[]>('GET', definitions),
  current: (id: string) => call<DefinitionView>('GET', one(id)),
  version: (id: string, version: number) => call<DefinitionView>('GET', `${one(id)}/versions/${version}`),
  create: (definition: Definition) => call<DefinitionView>('POST', definitions, definition),
  saveDraft: (definition: Definition) => call<DefinitionView>('PUT', one(definition.id), definition),
  publish: (id: string) => call<DefinitionView>('POST', `${one(id)}/publish`),
};
