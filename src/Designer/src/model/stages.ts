import type { Definition } from './definition';

// Colours far enough apart to tell stages apart at a glance, and light enough for dark text on them.
const palette = ['#dbeafe', '#dcfce7', '#fef3c7', '#fce7f3', '#ede9fe', '#cffafe', '#ffedd5', '#e0e7ff', '#f1f5d8', '#fee2e2'];
const borders = ['#2563eb', '#16a34a', '#d97706', '#db2777', '#7c3aed', '#0891b2', '#ea580c', '#4f46e5', '#65a30d', '#dc2626'];

export interface StageColour {
  fill: string;
  border: string;
}

export const noStageColour: StageColour = { fill: '#ffffff', border: '#94a3b8' };

/** Each stage's colour, by its place in the definition's list of stages, so it stays put while editing. */
export function stageColours(definition: Definition): Map<string, StageColour> {
  return new Map((definition.stages ?? []).map((s, i) => [s.id, { fill: palette[i % palette.length], border: borders[i % borders.length] }]));
}
