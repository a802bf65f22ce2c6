import type { ELK as Elk } from 'elkjs/lib/elk-api';
import type { Definition, Position } from './definition';
import { connectionsOf } from './definition';

/** The size a node is laid out with before the browser has measured it (see ActivityNode's CSS). */
export const defaultNodeSize = { width: 220, height: 90 };

export type NodeSizes = ReadonlyMap<string, { width: number; height: number }>;

// ELK is most of the designer's code by size (1.4 MB); it is fetched only when a layout is needed, so opening a
// definition that has its positions does not wait for it.
let elk: Promise<Elk> | undefined;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()));

/** Top-to-bottom layered layout of the whole flowchart, as the engine reads it: from the start down the outcomes. */
export async function layoutPositions(definition: Definition, sizes: NodeSizes = new Map()): Promise<Map<string, Position>> {
  const ids = new Set(definition.activities.map((a) => a.id));
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '50',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: definition.activities.map((a) => ({ id: a.id, ...(sizes.get(a.id) ?? defaultNodeSize) })),
    // Connections to activities that do not exist are the validator's to report; the layout skips them.
    edges: connectionsOf(definition)
      .filter((c) => ids.has(c.from) && ids.has(c.to))
      .map((c, i) => ({ id: `e${i}`, sources: [c.from], targets: [c.to] })),
  });
  return new Map((graph.children ?? []).map((n) => [n.id, { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }]));
}
