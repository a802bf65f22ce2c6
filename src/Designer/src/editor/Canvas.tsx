import { useCallback, useEffect, useRef } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  type Connection as FlowConnection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import type { Position } from '../model/definition';
import { ActivityNode, type ActivityFlowNode } from './ActivityNode';

const nodeTypes = { activity: ActivityNode };

export const paletteMime = 'application/x-koostoo-activity';

export interface CanvasProps {
  nodes: ActivityFlowNode[];
  edges: Edge[];
  readOnly: boolean;
  onMove: (positions: Map<string, Position>, dragging: boolean) => void;
  onMeasure: (sizes: Map<string, { width: number; height: number }>) => void;
  onSelect: (nodes: Map<string, boolean>, edges: Map<string, boolean>) => void;
  onConnect: (from: string, outcome: string, to: string) => void;
  onDelete: (nodeIds: string[], edgeIds: string[]) => void;
  onDropActivity: (type: string, at: Position) => void;
}

/** The flowchart. It holds no state of its own: every change goes up as an edit of the document. */
export function Canvas(props: CanvasProps) {
  const flow = useRef<ReactFlowInstance<ActivityFlowNode> | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityFlowNode>[]) => {
      const moved = new Map<string, Position>();
      const sizes = new Map<string, { width: number; height: number }>();
      const selected = new Map<string, boolean>();
      let dragging = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          moved.set(change.id, change.position);
          dragging ||= change.dragging === true;
        } else if (change.type === 'dimensions' && change.dimensions) sizes.set(change.id, change.dimensions);
        else if (change.type === 'select') selected.set(change.id, change.selected);
      }
      if (moved.size > 0 && !props.readOnly) props.onMove(moved, dragging);
      if (sizes.size > 0) props.onMeasure(sizes);
      if (selected.size > 0) props.onSelect(selected, new Map());
    },
    [props],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selected = new Map<string, boolean>();
      for (const change of changes) if (change.type === 'select') selected.set(change.id, change.selected);
      if (selected.size > 0) props.onSelect(new Map(), selected);
    },
    [props],
  );

  return (
    <div
      className="canvas"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(paletteMime)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={(e) => {
        const type = e.dataTransfer.getData(paletteMime);
        if (!type || !flow.current || props.readOnly) return;
        e.preventDefault();
        props.onDropActivity(type, flow.current.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      }}
    >
      <ReactFlow<ActivityFlowNode>
        nodes={props.nodes}
        edges={props.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(c: FlowConnection) => c.sourceHandle && props.onConnect(c.source, c.sourceHandle, c.target)}
        onDelete={({ nodes, edges }) => props.onDelete(nodes.map((n) => n.id), edges.map((e) => e.id))}
        deleteKeyCode={props.readOnly ? null : ['Delete', 'Backspace']}
        nodesDraggable={!props.readOnly}
        nodesConnectable={!props.readOnly}
        edgesFocusable
        nodesFocusable
        onInit={(instance) => {
          flow.current = instance;
        }}
        fitView
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls />
        <MiniMap pannable zoomable nodeColor={(n) => (n as ActivityFlowNode).data.colour.border} />
        <RenderedMark count={props.nodes.length} />
      </ReactFlow>
    </div>
  );
}

/**
 * Marks the page once every node has been measured and drawn: what the load-time measurement waits for
 * (`data-flowchart-ready` on <body>, the moment in `window.koostooDesigner.renderedAt`).
 */
function RenderedMark({ count }: { count: number }) {
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (!initialized || count === 0 || document.body.dataset.flowchartReady) return;
    requestAnimationFrame(() => {
      (window as unknown as { koostooDesigner: object }).koostooDesigner = { renderedAt: performance.now(), nodes: count };
      document.body.dataset.flowchartReady = 'true';
    });
  }, [initialized, count]);
  return null;
}
