import type { Definition } from './definition';
import { moveActivities } from './edit';
import { layoutPositions } from './layout';

/**
 * The document the editor starts from: the definition as stored, plus `designer` positions from an automatic
 * layout for activities that have none. Nothing else is added, changed or reordered.
 */
export async function prepareForEditing(definition: Definition): Promise<Definition> {
  const missing = definition.activities.filter((a) => !hasPosition(a.designer));
  if (missing.length === 0) return definition;
  const laidOut = await layoutPositions(definition);
  if (missing.length === definition.activities.length) return moveActivities(definition, laidOut);
  // Some were placed by hand: keep them, and put the rest in a row below, in the layout's order.
  const bottom = Math.max(...definition.activities.filter((a) => hasPosition(a.designer)).map((a) => a.designer!.y)) + 160;
  const ordered = [...missing].sort((a, b) => laidOut.get(a.id)!.x - laidOut.get(b.id)!.x);
  return moveActivities(definition, new Map(ordered.map((a, i) => [a.id, { x: i * 260, y: bottom }])));
}

function hasPosition(p: unknown): boolean {
  return typeof p === 'object' && p !== null && typeof (p as { x?: unknown }).x === 'number' && typeof (p as { y?: unknown }).y === 'number';
}

/** The definition as a file: exactly the document, indented like the files in workflows/. */
export function exportDefinition(definition: Definition): string {
  return JSON.stringify(definition, null, 2) + '\n';
}

/** Reads an imported file; says what is wrong in a sentence rather than throwing a parser's message at an admin. */
export function parseDefinitionFile(text: string): Definition {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not-an-object');
  const definition = value as Definition;
  if (typeof definition.id !== 'string' || !Array.isArray(definition.activities)) throw new Error('not-a-definition');
  return definition;
}
