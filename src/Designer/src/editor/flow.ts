import { MarkerType, type Edge } from '@xyflow/react';
import type { ActivityDescriptor, Definition, Language } from '../model/definition';
import { connectionsOf } from '../model/definition';
import type { PlacedProblems } from '../model/problems';
import { noStageColour, stageColours } from '../model/stages';
import type { ActivityFlowNode } from './ActivityNode';

export interface FlowState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
}

export const edgeId = (index: number) => `c${index}`;
export const edgeIndex = (id: string) => Number(id.slice(1));

/** The document as React Flow nodes: one per activity, at its `designer` position. */
export function toNodes(definition: Definition, descriptors: ReadonlyMap<string, ActivityDescriptor>, problems: PlacedProblems, state: FlowState, language: Language): ActivityFlowNode[] {
  const colours = stageColours(definition);
  const start = definition.start ?? definition.activities.find((a) => connectionsOf(definition).every((c) => c.to !== a.id))?.id;
  const used = new Map<string, Set<string>>();
  for (const c of connectionsOf(definition)) used.set(c.from, (used.get(c.from) ?? new Set()).add(c.outcome));
  return definition.activities.map((activity, i) => {
    const descriptor = descriptors.get(activity.type);
    const declared = (descriptor?.outcomes ?? []).filter((o) => o !== '*');
    const extra = [...(used.get(activity.id) ?? [])].filter((o) => !declared.includes(o));
    return {
      id: activity.id,
      type: 'activity',
      position: { x: activity.designer?.x ?? i * 40, y: activity.designer?.y ?? i * 40 },
      selected: state.selectedNodes.has(activity.id),
      measured: state.measured.get(activity.id),
      ariaLabel: `${activity.id} (${activity.type})`,
      data: {
        activity,
        descriptor,
        colour: (activity.stage && colours.get(activity.stage)) || noStageColour,
        language,
        outcomes: [...declared, ...extra],
        problems: (problems.activities.get(activity.id) ?? []).map((p) => p.message),
        isStart: activity.id === start,
      },
    };
  });
}

/** Connections as edges labelled with their outcome; the ones the server rejected are red and say why. */
export function toEdges(definition: Definition, problems: PlacedProblems, state: FlowState): Edge[] {
  return connectionsOf(definition).map((c, index) => {
    const wrong = problems.connections.get(c);
    const id = edgeId(index);
    return {
      id,
      source: c.from,
      sourceHandle: c.outcome,
      target: c.to,
      type: 'smoothstep',
      label: wrong ? `${c.outcome} ⚠ ${wrong[0].message}` : c.outcome,
      ariaLabel: `${c.from} ${c.outcome} → ${c.to}`,
      selected: state.selectedEdges.has(id),
      className: wrong ? 'edge-problem' : undefined,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      labelBgPadding: [4, 2] as [number, number],
      labelBgBorderRadius: 4,
    };
  });
}
