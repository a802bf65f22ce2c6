import { useEffect, useState } from 'react';
import type { Json } from '../../model/definition';
import { deepEqual } from '../../model/diff';
import { useWords } from '../../i18n';
import { RequiredMark } from './LocalizedEditor';
import { isDuration } from './TextEditors';

interface Props {
  id: string;
  label: string;
  value: string[] | undefined;
  onChange: (value: Json | undefined) => void;
  required: boolean;
  invalid: boolean;
  describedBy?: string;
  /** Each row is an ISO 8601 duration (reminders). */
  durations?: boolean;
}

const written = (rows: string[]) => rows.filter((r) => r.trim() !== '');

/** A list of strings, one row each. A new row is empty until typed in, and empty rows are not written. */
export function StringListEditor(props: Props) {
  const { t } = useWords();
  const [rows, setRows] = useState<string[]>(() => props.value ?? []);
  useEffect(() => {
    setRows((current) => (deepEqual(written(current), props.value ?? []) ? current : (props.value ?? [])));
  }, [props.value]);
  const change = (next: string[]) => {
    setRows(next);
    const list = written(next);
    props.onChange(list.length === 0 ? undefined : list);
  };
  return (
    <fieldset className="string-list" id={props.id} aria-describedby={props.describedBy}>
      <legend>
        {props.label}
        {props.required && <RequiredMark />}
      </legend>
      {rows.map((row, i) => {
        const wrong = props.durations && row !== '' && !isDuration(row);
        return (
          <div className="list-row" key={i}>
            <input
              type="text"
              className={props.durations ? 'mono' : undefined}
              aria-label={`${props.label} ${i + 1}`}
              aria-invalid={props.invalid || wrong || undefined}
              placeholder={props.durations ? 'P2D' : undefined}
              value={row}
              onChange={(e) => change(rows.map((r, j) => (j === i ? e.target.value : r)))}
            />
            <button type="button" className="icon" aria-label={`${t('remove')} ${props.label} ${i + 1}`} onClick={() => change(rows.filter((_, j) => j !== i))}>
              ×
            </button>
            {wrong && <span className="field-warning">{t('notDuration')}</span>}
          </div>
        );
      })}
      <button type="button" className="small" aria-label={`${t('add')}: ${props.label}`} onClick={() => setRows([...rows, ''])}>
        + {t('add')}
      </button>
    </fieldset>
  );
}
