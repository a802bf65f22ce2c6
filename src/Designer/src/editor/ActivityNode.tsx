import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Activity, ActivityDescriptor, Language } from '../model/definition';
import { textIn } from '../model/definition';
import type { StageColour } from '../model/stages';
import { translate } from '../i18n';

export interface ActivityNodeData extends Record<string, unknown> {
  activity: Activity;
  descriptor?: ActivityDescriptor;
  colour: StageColour;
  language: Language;
  /** One source handle each: the descriptor's outcomes, plus any a connection uses that the descriptor lacks. */
  outcomes: string[];
  problems: string[];
  isStart: boolean;
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

/**
 * An activity on the canvas: its stage's colour, name, id, and a handle per outcome to draw connections from.
 * A type the server does not know is grey and shows its raw inputs, so such a definition still opens.
 */
export const ActivityNode = memo(function ActivityNode({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { activity, descriptor, colour, language, outcomes, problems, isStart } = data;
  const typeName = descriptor ? textIn(descriptor.displayName, language) : activity.type;
  const title = activity.name ? textIn(activity.name, language) : typeName;
  const classes = ['activity-node', descriptor ? '' : 'unknown', problems.length > 0 ? 'has-problem' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} style={descriptor ? { background: colour.fill, borderColor: colour.border } : undefined} data-activity-id={activity.id} title={problems.join('\n') || undefined}>
      <Handle type="target" position={Position.Top} className="target-handle" />
      <div className="node-head">
        <span className="node-title">{title}</span>
        {isStart && <span className="badge">{translate(language, 'start')}</span>}
      </div>
      <div className="node-sub">
        <span className="mono">{activity.id}</span>
        {activity.name && <span className="node-type"> · {typeName}</span>}
      </div>
      {!descriptor && (
        <>
          <div className="node-unknown">{translate(language, 'unknownType', { t: activity.type })}</div>
          <pre className="node-raw">{JSON.stringify(activity.inputs ?? {}, null, 1)}</pre>
        </>
      )}
      {problems.length > 0 && (
        <div className="node-problems" role="alert">
          ⚠ {problems[0]}
          {problems.length > 1 && ` (+${problems.length - 1})`}
        </div>
      )}
      {outcomes.length > 0 && (
        <div className="outcomes">
          {outcomes.map((outcome) => (
            <div className="outcome" key={outcome}>
              <span>{outcome}</span>
              <Handle type="source" position={Position.Bottom} id={outcome} className="outcome-handle" title={outcome} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
