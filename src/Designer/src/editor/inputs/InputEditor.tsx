import type { InputDescriptor, Json, Language } from '../../model/definition';
import { textIn } from '../../model/definition';
import { useWords } from '../../i18n';
import { CheckboxEditor, NumberEditor, SelectEditor } from './ChoiceEditors';
import { FormFieldsEditor, isFormFields } from './FormFieldsEditor';
import { JsonEditor } from './JsonEditor';
import { LocalizedEditor, RequiredMark } from './LocalizedEditor';
import { StringListEditor } from './StringListEditor';
import { DurationEditor, TextAreaEditor, TextEditor } from './TextEditors';
import type { EditorProps } from './types';

interface Props {
  activityId: string;
  input: InputDescriptor;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  /** The server's problems for this input, with their JSON paths (`$.activities[3].inputs.fields[0].label`). */
  problems: { path: string; message: string }[];
  language: Language;
}

type Kind = 'localized' | 'localizedMultiline' | 'formFields' | 'expression' | 'multiline' | 'duration' | 'durations' | 'list' | 'cron' | 'datetime' | 'select' | 'checkbox' | 'number' | 'json' | 'text';

/** The editor for an input: its UI hint first, else its type. */
export function editorKind(input: InputDescriptor): Kind {
  const hints: Record<string, Kind> = {
    localized: 'localized', expression: 'expression', multiline: 'multiline', duration: 'duration', durations: 'durations',
    list: 'list', cron: 'cron', datetime: 'datetime', select: 'select', checkbox: 'checkbox', number: 'number', json: 'json', text: 'text',
    formFields: 'formFields',
  };
  // A localized text shown over several lines (AskMembers' context) is still a text per language, not one string.
  if (input.uiHint === 'multiline' && input.type === 'text') return 'localizedMultiline';
  if (hints[input.uiHint]) return input.uiHint === 'select' && !input.options?.length ? 'text' : hints[input.uiHint];
  const types: Record<string, Kind> = { text: 'localized', bool: 'checkbox', int: 'number', number: 'number', 'string[]': 'list', json: 'json', object: 'json' };
  return types[input.type] ?? 'text';
}

/** Whether the value has the shape the editor writes; one that does not is shown as JSON so that nothing is lost. */
function fits(kind: Kind, value: Json | undefined): boolean {
  if (value === undefined || kind === 'json') return true;
  switch (kind) {
    case 'formFields':
      return isFormFields(value);
    case 'localized':
    case 'localizedMultiline':
      return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'));
    case 'durations':
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'checkbox':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === 'string';
  }
}

const hintWords = { duration: 'durationHint', durations: 'durationsHint', cron: 'cronHint', datetime: 'datetimeHint' } as const;

/** One input of an activity, with its label, required mark, hint and the server's problems for it. */
export function InputEditor({ activityId, input, value, onChange, problems: all, language }: Props) {
  const { t } = useWords();
  const declared = editorKind(input);
  const kind = fits(declared, value) ? declared : 'json';
  // The form's editor shows a problem of one of its fields in that field's block, so the admin sees which one;
  // every other editor shows all of its problems under the input.
  const items = kind === 'formFields' ? itemProblems(all, input.name) : new Map<number, string[]>();
  const problems = all.filter((p) => kind !== 'formFields' || itemIndex(p.path, input.name) === null).map((p) => p.message);
  const id = `input-${activityId}-${input.name}`;
  const label = textIn(input.label, language) || input.name;
  const hint = kind in hintWords ? t(hintWords[kind as keyof typeof hintWords]) : null;
  const describedBy = [hint && `${id}-hint`, problems.length > 0 && `${id}-problems`].filter(Boolean).join(' ') || undefined;
  const placeholder = input.default != null && typeof input.default !== 'object' ? String(input.default) : undefined;
  const common: EditorProps = { id, label, value, onChange, required: input.required, placeholder, describedBy, invalid: problems.length > 0 };
  const grouped = kind === 'localized' || kind === 'localizedMultiline' || kind === 'formFields' || kind === 'durations' || kind === 'list';

  return (
    <div className={`field field-${kind}${problems.length > 0 ? ' has-problem' : ''}`} data-input={input.name}>
      {!grouped && (
        <label htmlFor={id}>
          {label}
          {input.required && <RequiredMark />}
        </label>
      )}
      {renderEditor(kind, common, input, items)}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="field-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function renderEditor(kind: Kind, p: EditorProps, input: InputDescriptor, items: ReadonlyMap<number, string[]>) {
  switch (kind) {
    case 'localized':
      return <LocalizedEditor {...p} />;
    case 'localizedMultiline':
      return <LocalizedEditor {...p} multiline />;
    case 'formFields':
      return <FormFieldsEditor {...p} itemProblems={items} />;
    case 'expression':
      return <TextAreaEditor {...(p as EditorProps<string>)} monospace />;
    case 'multiline':
      return <TextAreaEditor {...(p as EditorProps<string>)} />;
    case 'duration':
      return <DurationEditor {...(p as EditorProps<string>)} />;
    case 'durations':
    case 'list':
      return <StringListEditor {...p} value={p.value as string[] | undefined} durations={kind === 'durations'} />;
    case 'cron':
      return <TextEditor {...(p as EditorProps<string>)} monospace placeholder={p.placeholder ?? '0 9 * * MON'} />;
    case 'datetime':
      return <TextEditor {...(p as EditorProps<string>)} monospace placeholder={p.placeholder ?? '2026-12-01T09:00'} />;
    case 'select':
      return <SelectEditor {...(p as EditorProps<string>)} options={input.options ?? []} fallback={input.default} />;
    case 'checkbox':
      return <CheckboxEditor {...(p as EditorProps<boolean>)} fallback={input.default} />;
    case 'number':
      return <NumberEditor {...(p as EditorProps<number>)} />;
    case 'json':
      return <JsonEditor {...p} />;
    default:
      return <TextEditor {...(p as EditorProps<string>)} />;
  }
}

/** The index in `…inputs.<name>[i]…`, or null when the path is the input's own. */
function itemIndex(path: string, name: string): number | null {
  const match = new RegExp(`\\.inputs\\.${name}\\[(\\d+)\\]`).exec(path);
  return match ? Number(match[1]) : null;
}

function itemProblems(problems: { path: string; message: string }[], name: string): Map<number, string[]> {
  const items = new Map<number, string[]>();
  for (const p of problems) {
    const index = itemIndex(p.path, name);
    if (index !== null) items.set(index, [...(items.get(index) ?? []), p.message]);
  }
  return items;
}
