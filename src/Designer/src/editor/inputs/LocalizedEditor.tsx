import type { Json } from '../../model/definition';
import type { EditorProps } from './types';

const languages = ['et', 'en'] as const;

/** A plain string is Estonian (as the engine reads it); other languages already there are kept. */
function asObject(value: Json | undefined): Record<string, string> {
  if (typeof value === 'string') return { et: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, string>;
  return {};
}

type Props = EditorProps & { multiline?: boolean };

/** An Estonian and English pair, written as { "et": ..., "en": ... }. */
export function LocalizedEditor(props: Props) {
  const text = asObject(props.value);
  const change = (language: string, value: string) => {
    const next: Record<string, string> = { ...text, [language]: value };
    if (value === '') delete next[language];
    props.onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <fieldset className="localized" id={props.id} aria-describedby={props.describedBy}>
      <legend>
        {props.label}
        {props.required && <RequiredMark />}
      </legend>
      {languages.map((language) => {
        const id = `${props.id}-${language}`;
        const common = {
          id,
          value: text[language] ?? '',
          'aria-required': (props.required && language === 'et') || undefined,
          'aria-invalid': props.invalid || undefined,
          onChange: (e: { target: { value: string } }) => change(language, e.target.value),
        };
        return (
          <div className="lang-row" key={language}>
            <label htmlFor={id} lang={language}>
              {language}
            </label>
            {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
    </fieldset>
  );
}

export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true" title="required">
      {' *'}
    </span>
  );
}
