import { useWords } from '../../i18n';
import { controlProps, type EditorProps } from './types';

const orAbsent = (text: string) => (text === '' ? undefined : text);

export function TextEditor(props: EditorProps<string> & { monospace?: boolean }) {
  return (
    <input
      type="text"
      {...controlProps(props)}
      className={props.monospace ? 'mono' : undefined}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(orAbsent(e.target.value))}
    />
  );
}

/** Multi-line text; JavaScript expressions get a monospace font and no spell checking. */
export function TextAreaEditor(props: EditorProps<string> & { monospace?: boolean }) {
  return (
    <textarea
      {...controlProps(props)}
      className={props.monospace ? 'mono' : undefined}
      spellCheck={!props.monospace}
      rows={props.monospace ? 3 : 4}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(orAbsent(e.target.value))}
    />
  );
}

// The engine's IsoDuration: ISO 8601 with weeks, optionally negative (a reminder before the deadline).
const isoDuration = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i;

export const isDuration = (text: string) => isoDuration.test(text.trim());

/** A duration such as P3D; a malformed one is kept (the server says why) but flagged at once. */
export function DurationEditor(props: EditorProps<string>) {
  const { t } = useWords();
  const text = props.value ?? '';
  const wrong = text !== '' && !isDuration(text);
  return (
    <>
      <TextEditor {...props} monospace placeholder={props.placeholder ?? 'P3D'} invalid={props.invalid || wrong} />
      {wrong && <span className="field-warning">{t('notDuration')}</span>}
    </>
  );
}
