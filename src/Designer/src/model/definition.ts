// The definition format of docs/engine.md, typed loosely on purpose: the designer edits the JSON document itself,
// so members it does not know (now or in a later engine) travel through untouched.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Text in several languages; a plain string is read as Estonian, as the engine does. */
export type Localized = string | Record<string, string>;

export interface Position {
  x: number;
  y: number;
}

export interface Activity {
  id: string;
  type: string;
  stage?: string;
  name?: Localized;
  inputs?: Record<string, Json>;
  designer?: Position;
  [member: string]: unknown;
}

export interface Connection {
  from: string;
  outcome: string;
  to: string;
  [member: string]: unknown;
}

export interface Stage {
  id: string;
  name: Localized;
  [member: string]: unknown;
}

export interface Definition {
  id: string;
  version?: number;
  name: Localized;
  description?: Localized;
  stages?: Stage[];
  variables?: unknown[];
  start?: string;
  activities: Activity[];
  connections?: Connection[];
  [member: string]: unknown;
}

export interface InputDescriptor {
  name: string;
  type: string;
  uiHint: string;
  required: boolean;
  default: Json;
  label: Record<string, string>;
  options: string[] | null;
}

export interface ActivityDescriptor {
  type: string;
  category: string;
  displayName: Record<string, string>;
  description: Record<string, string>;
  inputs: InputDescriptor[];
  outcomes: string[];
}

/** A language the designer itself speaks (src/i18n.ts); the languages a text is written in come from the service. */
export type Language = 'et' | 'en' | 'ru';

/** The text in the wanted language, else Estonian, else whatever there is (LocalizedText.In on the server). */
export function textIn(text: Localized | undefined | null, language: Language): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[language] || text.et || Object.values(text).find((v) => v) || '';
}

export const connectionsOf = (definition: Definition): Connection[] => definition.connections ?? [];
