import type { Json } from '../../model/definition';
import { useWords } from '../../i18n';
import { controlProps, type EditorProps } from './types';

/** One of the descriptor's options; a value outside them is shown too, so opening a definition never loses it. */
export function SelectEditor(props: EditorProps<string> & { options: string[]; fallback: Json }) {
  const { t } = useWords();
  const options = props.value !== undefined && !props.options.includes(props.value) ? [...props.options, props.value] : props.options;
  return (
    <select {...controlProps(props)} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}>
      {!props.required && <option value="">{props.fallback != null ? `(${t('defaultIs', { v: String(props.fallback) })})` : ''}</option>}
      {props.required && props.value === undefined && <option value="" disabled />}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

export function CheckboxEditor(props: EditorProps<boolean> & { fallback: Json }) {
  return (
    <input
      type="checkbox"
      {...controlProps(props)}
      checked={props.value ?? props.fallback === true}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

export function NumberEditor(props: EditorProps<number>) {
  return (
    <input
      type="number"
      {...controlProps(props)}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value === '' || !Number.isFinite(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)}
    />
  );
}
