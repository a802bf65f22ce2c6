import { Fragment } from 'react';
import type { Json } from '../../model/definition';
import { useWords, type Word } from '../../i18n';
import { languagesToEdit, missingTranslations, useServiceLanguages } from '../../languages';
import { LocalizedEditor, RequiredMark } from './LocalizedEditor';
import type { EditorProps } from './types';

type Field = Record<string, Json>;

/** The engine's FieldType names as the definition files write them (src/Networks/Requests/FormField.cs). */
const fieldTypes: { value: string; word: Word }[] = [
  { value: 'text', word: 'fieldText' },
  { value: 'longText', word: 'fieldLongText' },
  { value: 'choice', word: 'fieldChoice' },
  { value: 'multiChoice', word: 'fieldMultiChoice' },
  { value: 'yesNo', word: 'fieldYesNo' },
  { value: 'scale', word: 'fieldScale' },
  { value: 'number', word: 'fieldNumber' },
  { value: 'date', word: 'fieldDate' },
];
const choices = new Set(['choice', 'multiChoice']);

/** The shape this editor writes: a list of objects. Anything else is shown as JSON by the caller. */
export const isFormFields = (value: Json | undefined): boolean =>
  Array.isArray(value) && value.every((f) => typeof f === 'object' && f !== null && !Array.isArray(f));

type Props = EditorProps & {
  /** The server's problems of single fields, by index (`inputs.fields[1].label` is field 1's). */
  itemProblems?: ReadonlyMap<number, string[]>;
};

/** An option's label as { language: text }; a plain string is Estonian. */
const labelOf = (option: Field): Record<string, string> =>
  option.label && typeof option.label === 'object' && !Array.isArray(option.label) ? (option.label as Record<string, string>) : typeof option.label === 'string' ? { et: option.label } : {};

/** The first `field1`, `field2`, ... (or `option1`, ...) not used yet, so that a new one never clashes with another's name. */
function freeName(items: Field[], member: string, prefix: string): string {
  const taken = new Set(items.map((f) => f[member]));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/**
 * The questions of a member's form (AskMembers' `fields`): a block per field with its name, type, label and help in
 * each language the service speaks, required mark and, for a choice, its options with a label in each language.
 * Every edit copies the field it changes, so members of a field this editor does not show travel through untouched.
 */
export function FormFieldsEditor(props: Props) {
  const { t } = useWords();
  const service = useServiceLanguages();
  const fields = (props.value ?? []) as Field[];
  const write = (next: Field[]) => props.onChange(next.length === 0 ? undefined : next);
  const setMember = (index: number, member: string, value: Json | undefined) =>
    write(
      fields.map((f, i) => {
        if (i !== index) return f;
        const copy = { ...f };
        if (value === undefined) delete copy[member];
        else copy[member] = value;
        return copy;
      }),
    );

  return (
    <fieldset className="form-fields" id={props.id} aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined}>
      <legend>
        {props.label}
        {props.required && <RequiredMark />}
      </legend>
      {fields.map((field, i) => {
        const id = `${props.id}-${i}`;
        const type = typeof field.type === 'string' ? field.type : 'text';
        const options = Array.isArray(field.options) ? (field.options as Field[]) : [];
        // One column per language for all of the field's options, so that the rows line up.
        const optionLanguages = languagesToEdit(service, ...options.map(labelOf));
        const setOption = (j: number, member: string, value: Json | undefined) =>
          setMember(
            i,
            'options',
            options.map((o, k) => {
              if (k !== j) return o;
              const copy = { ...o };
              if (value === undefined) delete copy[member];
              else copy[member] = value;
              return copy;
            }),
          );
        const removeOption = (j: number) => {
          const rest = options.filter((_, k) => k !== j);
          setMember(i, 'options', rest.length === 0 ? undefined : rest);
        };
        const fieldName = typeof field.name === 'string' && field.name !== '' ? field.name : String(i + 1);
        const problems = props.itemProblems?.get(i) ?? [];
        return (
          <fieldset className={`form-field${problems.length > 0 ? ' has-problem' : ''}`} key={i} data-field-index={i} aria-invalid={problems.length > 0 || undefined}>
            <legend>{t('formField', { n: i + 1 })}</legend>
            {problems.length > 0 && (
              <ul className="field-problems" role="alert">
                {problems.map((m, k) => (
                  <li key={k}>{m}</li>
                ))}
              </ul>
            )}
            <div className="form-field-row">
              <label htmlFor={`${id}-name`}>{t('fieldName')}</label>
              <input type="text" id={`${id}-name`} className="mono" value={typeof field.name === 'string' ? field.name : ''} onChange={(e) => setMember(i, 'name', e.target.value)} />
            </div>
            <div className="form-field-row">
              <label htmlFor={`${id}-type`}>{t('type')}</label>
              <select id={`${id}-type`} value={type} onChange={(e) => setMember(i, 'type', e.target.value)}>
                {fieldTypes.map((ft) => (
                  <option key={ft.value} value={ft.value}>
                    {t(ft.word)}
                  </option>
                ))}
                {!fieldTypes.some((ft) => ft.value === type) && <option value={type}>{type}</option>}
              </select>
            </div>
            <LocalizedEditor id={`${id}-label`} label={t('fieldLabel')} value={field.label} required invalid={false} onChange={(v) => setMember(i, 'label', v)} />
            <LocalizedEditor id={`${id}-help`} label={t('fieldHelp')} value={field.help} required={false} invalid={false} onChange={(v) => setMember(i, 'help', v)} />
            <div className="form-field-row form-field-check">
              <input type="checkbox" id={`${id}-required`} checked={field.required === true} onChange={(e) => setMember(i, 'required', e.target.checked ? true : undefined)} />
              <label htmlFor={`${id}-required`}>{t('fieldRequired')}</label>
            </div>
            {(choices.has(type) || options.length > 0) && (
              <fieldset className="string-list">
                <legend>{t('fieldOptions', { l: optionLanguages.join(', ') })}</legend>
                {options.map((option, j) => {
                  const label = labelOf(option);
                  const missing = missingTranslations(service, label);
                  const missingId = `${id}-options-${j}-missing`;
                  const setLabel = (language: string, text: string) => {
                    const next: Record<string, string> = { ...label, [language]: text };
                    if (text === '') delete next[language];
                    setOption(j, 'label', Object.keys(next).length === 0 ? undefined : next);
                  };
                  return (
                    <Fragment key={j}>
                      <div className="list-row">
                        <input type="text" id={`${id}-options-${j}-value`} className="mono" aria-label={`${t('optionValue')} ${j + 1}`} value={typeof option.value === 'string' ? option.value : ''} onChange={(e) => setOption(j, 'value', e.target.value)} />
                        {optionLanguages.map((language) => (
                          <input
                            type="text"
                            key={language}
                            id={`${id}-options-${j}-label-${language}`}
                            lang={language}
                            aria-label={`${t('optionLabel')} ${j + 1} ${language}`}
                            aria-describedby={missing.length > 0 ? missingId : undefined}
                            placeholder={language}
                            value={label[language] ?? ''}
                            onChange={(e) => setLabel(language, e.target.value)}
                          />
                        ))}
                        <button type="button" className="icon" aria-label={`${t('remove')} ${t('optionValue')} ${j + 1}`} onClick={() => removeOption(j)}>
                          ×
                        </button>
                      </div>
                      {missing.length > 0 && (
                        <small id={missingId} className="missing-translations">
                          {t('missingTranslations', { l: missing.join(', ') })}
                        </small>
                      )}
                    </Fragment>
                  );
                })}
                <button type="button" className="small" onClick={() => setMember(i, 'options', [...options, { value: freeName(options, 'value', 'option'), label: {} }])}>
                  + {t('addOption')}
                </button>
              </fieldset>
            )}
            <button type="button" className="small" aria-label={`${t('remove')}: ${t('formField', { n: i + 1 })} (${fieldName})`} onClick={() => write(fields.filter((_, k) => k !== i))}>
              {t('removeField')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="small" aria-label={`${t('add')}: ${props.label}`} onClick={() => write([...fields, { name: freeName(fields, 'name', 'field'), type: 'text', label: {} }])}>
        + {t('addField')}
      </button>
    </fieldset>
  );
}
