import type { ActivityDescriptor, Definition, Json } from '../model/definition';
import { connectionsOf, textIn } from '../model/definition';
import { removeElements, renameActivity, setInput, setInputs, setName, setStage } from '../model/edit';
import type { ActivityProblem } from '../model/problems';
import { useWords } from '../i18n';
import { ActivityIdField } from './ActivityIdField';
import { InputEditor } from './inputs/InputEditor';
import { JsonEditor } from './inputs/JsonEditor';
import { LocalizedEditor } from './inputs/LocalizedEditor';

export interface PanelProps {
  definition: Definition;
  activityId: string;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  problems: ActivityProblem[];
  /** A new document; edits with the same key in a row are one undo step. */
  onChange: (next: Definition, coalesce?: string) => void;
  /** The activity now has another id; whoever selected it by id follows. */
  onRenamed: (newId: string) => void;
  readOnly?: boolean;
}

const messagesFor = (problems: ActivityProblem[], field: string) => problems.filter((p) => p.field === field).map((p) => p.message);

/** The selected activity's id, name, stage and inputs, with editors made from its descriptor. */
export function PropertyPanel({ definition, activityId, descriptors, problems, onChange, onRenamed, readOnly }: PanelProps) {
  const { t, language } = useWords();
  const activity = definition.activities.find((a) => a.id === activityId);
  if (!activity) return null;
  const descriptor = descriptors.get(activity.type);
  const inputs = activity.inputs ?? {};
  const known = new Set(descriptor?.inputs.map((i) => i.name) ?? []);
  const unknownInputs = Object.fromEntries(Object.entries(inputs).filter(([name]) => !known.has(name)));
  const edit = (next: Definition, field: string) => onChange(next, `${activityId}:${field}`);
  const outgoing = connectionsOf(definition).map((c, index) => ({ c, index })).filter(({ c }) => c.from === activityId);
  const general = messagesFor(problems, '').concat(messagesFor(problems, 'type'));

  return (
    <form className="panel" aria-label={t('properties')} onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={readOnly} className="plain">
        <h2>
          {descriptor ? textIn(descriptor.displayName, language) : t('unknownType', { t: activity.type })}
          <small className="type-name">{activity.type}</small>
        </h2>
        {descriptor && <p className="description">{textIn(descriptor.description, language)}</p>}
        {general.length > 0 && (
          <ul className="field-problems" role="alert">
            {general.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
        <ActivityIdField
          definition={definition}
          activityId={activityId}
          problems={messagesFor(problems, 'id')}
          onRename={(newId) => {
            onChange(renameActivity(definition, activityId, newId));
            onRenamed(newId);
          }}
        />
        <LocalizedEditor
          id="activity-name"
          label={t('activityName')}
          value={activity.name as Json | undefined}
          required={false}
          invalid={messagesFor(problems, 'name').length > 0}
          onChange={(name) => edit(setName(definition, activityId, name as Record<string, string> | undefined), 'name')}
        />
        <StageField definition={definition} stage={activity.stage} problems={messagesFor(problems, 'stage')} onChange={(s) => onChange(setStage(definition, activityId, s))} />

        <h3>{t('inputs')}</h3>
        {descriptor?.inputs.map((input) => (
          <InputEditor
            key={`${activityId}/${input.name}`}
            activityId={activityId}
            input={input}
            language={language}
            value={inputs[input.name]}
            problems={problems.filter((p) => p.field === `inputs.${input.name}`)}
            onChange={(value) => edit(setInput(definition, activityId, input.name, value), `inputs.${input.name}`)}
          />
        ))}
        {(!descriptor || Object.keys(unknownInputs).length > 0) && (
          <div className="field field-json">
            <label htmlFor={`raw-inputs-${activityId}`}>{descriptor ? t('otherInputs') : t('rawInputs')}</label>
            <JsonEditor
              key={activityId}
              id={`raw-inputs-${activityId}`}
              label={t('rawInputs')}
              rows={6}
              required={false}
              invalid={Object.keys(unknownInputs).some((name) => messagesFor(problems, `inputs.${name}`).length > 0)}
              value={unknownInputs}
              onChange={(raw) => {
                if (raw === undefined || (typeof raw === 'object' && raw !== null && !Array.isArray(raw)))
                  edit(setInputs(definition, activityId, { ...withoutUnknown(inputs, known), ...((raw ?? {}) as Record<string, Json>) }), 'raw');
              }}
            />
            {Object.keys(unknownInputs).flatMap((name) => messagesFor(problems, `inputs.${name}`)).map((m, i) => (
              <p key={i} className="field-problems" role="alert">
                {m}
              </p>
            ))}
          </div>
        )}

        {outgoing.length > 0 && (
          <>
            <h3>{t('outgoing')}</h3>
            <ul className="outgoing">
              {outgoing.map(({ c, index }) => (
                <li key={index}>
                  <span className="mono">
                    {c.outcome} → {c.to}
                  </span>
                  <button type="button" className="icon" aria-label={t('deleteConnection', { c: `${c.outcome} → ${c.to}` })} onClick={() => onChange(removeElements(definition, [], [index]))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="button" className="danger" onClick={() => onChange(removeElements(definition, [activityId], []))}>
          {t('deleteActivity')}
        </button>
      </fieldset>
    </form>
  );
}

function withoutUnknown(inputs: Record<string, Json>, known: Set<string>): Record<string, Json> {
  return Object.fromEntries(Object.entries(inputs).filter(([name]) => known.has(name)));
}

function StageField({ definition, stage, problems, onChange }: { definition: Definition; stage?: string; problems: string[]; onChange: (stage: string | undefined) => void }) {
  const { t, language } = useWords();
  const stages = definition.stages ?? [];
  const missing = stage !== undefined && !stages.some((s) => s.id === stage);
  return (
    <div className={`field${problems.length > 0 ? ' has-problem' : ''}`}>
      <label htmlFor="activity-stage">{t('stage')}</label>
      <select id="activity-stage" value={stage ?? ''} aria-invalid={problems.length > 0 || undefined} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">({t('noStage')})</option>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {textIn(s.name, language)}
          </option>
        ))}
        {missing && <option value={stage}>{stage}</option>}
      </select>
      {problems.length > 0 && (
        <ul className="field-problems" role="alert">
          {problems.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
