import { useEffect, useState } from 'react';
import type { Json } from '../../model/definition';
import { deepEqual } from '../../model/diff';
import { useWords } from '../../i18n';
import { controlProps, type EditorProps } from './types';

const show = (value: Json | undefined) => (value === undefined ? '' : JSON.stringify(value, null, 2));

function tryParse(text: string): { ok: true; value: Json | undefined } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false };
  }
}

/** Any JSON value. Text that does not parse stays in the box, marked, and is not written to the definition. */
export function JsonEditor(props: EditorProps & { rows?: number }) {
  const { t } = useWords();
  const [text, setText] = useState(() => show(props.value));
  const parsed = tryParse(text);
  // Undo, redo or another editor changed the value: show it, unless the box already says the same.
  useEffect(() => {
    setText((current) => {
      const mine = tryParse(current);
      return mine.ok && deepEqual(mine.value, props.value) ? current : show(props.value);
    });
  }, [props.value]);
  return (
    <>
      <textarea
        {...controlProps({ ...props, invalid: props.invalid || !parsed.ok })}
        className="mono"
        spellCheck={false}
        rows={props.rows ?? 4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = tryParse(e.target.value);
          if (next.ok) props.onChange(next.value);
        }}
      />
      {!parsed.ok && <span className="field-warning">{t('invalidJson')}</span>}
    </>
  );
}
