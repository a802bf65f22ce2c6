import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceLanguage } from '../src/api';
import type { ActivityDescriptor, Definition } from '../src/model/definition';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The descriptors as GET /api/activity-descriptors served them when these tests were written. */
export const descriptors = JSON.parse(readFileSync(here('./descriptors.json'), 'utf8')) as ActivityDescriptor[];
export const descriptorMap = new Map(descriptors.map((d) => [d.type, d]));

/** AskMembers as GET /api/activity-descriptors serves it since the network steps shipped (its `fields` have the formFields hint). */
export const askMembers = JSON.parse(readFileSync(here('./ask-members.descriptor.json'), 'utf8')) as ActivityDescriptor;

/** GET /api/languages as the host answers it: Estonian first, each language named in itself. */
export const serviceLanguages: ServiceLanguage[] = [
  { code: 'et', name: 'eesti' },
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'русский' },
];

/** A definition shipped in workflows/, read fresh each time so no test sees another's edits. */
export const shipped = (name: string) => JSON.parse(readFileSync(here(`../../../workflows/${name}`), 'utf8')) as Definition;

/** Every JSON path where two values differ, e.g. ['$.activities[2].inputs.signal']. */
export function changedPaths(a: unknown, b: unknown, path = '$'): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return [path];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [path];
    return a.flatMap((item, i) => changedPaths(item, b[i], `${path}[${i}]`));
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((k) => changedPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
}

/** A definition with members, inputs and an activity type the designer does not know (test/unknown-fields.json). */
export const unknownFields = () => JSON.parse(readFileSync(here('./unknown-fields.json'), 'utf8')) as Definition;
