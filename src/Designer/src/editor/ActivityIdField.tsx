import { useEffect, useState } from 'react';
import type { Definition } from '../model/definition';
import { idProblem } from '../model/edit';
import { useWords } from '../i18n';

interface Props {
  definition: Definition;
  activityId: string;
  problems: string[];
  onRename: (newId: string) => void;
}

/** The id is applied when the field is left or Enter is pressed, not per keystroke: connections follow the rename. */
export function ActivityIdField({ definition, activityId, problems, onRename }: Props) {
  const { t } = useWords();
  const [text, setText] = useState(activityId);
  useEffect(() => setText(activityId), [activityId]);
  const problem = idProblem(definition, activityId, text);
  const apply = () => {
    if (problem === null) onRename(text);
  };
  const id = 'activity-id';
  const messages = [...(problem ? [t(problem === 'taken' ? 'idTaken' : 'idPattern')] : []), ...problems];
  return (
    <div className={`field${messages.length > 0 ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{t('activityId')}</label>
      <input
        id={id}
        type="text"
        className="mono"
        value={text}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? `${id}-problems` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setText(activityId);
        }}
      />
      {messages.length > 0 && (
        <ul id={`${id}-problems`} className="field-problems" role="alert">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
