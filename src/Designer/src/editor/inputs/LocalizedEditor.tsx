import type { Json } from '../../model/definition';
import { useWords } from '../../i18n';
import { languageName, languagesToEdit, missingTranslations, useServiceLanguages } from '../../languages';
import type { EditorProps } from './types';

/** A plain string is Estonian (as the engine reads it); other languages already there are kept. */
function asObject(value: Json | undefined): Record<string, string> {
  if (typeof value === 'string') return { et: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, string>;
  return {};
}

type Props = EditorProps & { multiline?: boolean };

/**
 * A text in every language the service speaks, written as { "et": ..., "en": ..., "ru": ... }: an input per language,
 * with the ids `${id}-${language}`. A text with Estonian that lacks another of the service's languages gets a notice
 * under it; that is not an error, and saving goes on.
 */
export function LocalizedEditor(props: Props) {
  const { t } = useWords();
  const service = useServiceLanguages();
  const text = asObject(props.value);
  const languages = languagesToEdit(service, text);
  const missing = missingTranslations(service, text);
  const missingId = `${props.id}-missing`;
  const describedBy = [props.describedBy, missing.length > 0 ? missingId : null].filter(Boolean).join(' ') || undefined;
  const change = (language: string, value: string) => {
    const next: Record<string, string> = { ...text, [language]: value };
    if (value === '') delete next[language];
    props.onChange(Object.keys(next).length === 0 ? undefined : next);
  };
  return (
    <fieldset className="localized" id={props.id} aria-describedby={describedBy}>
      <legend>
        {props.label}
        {props.required && <RequiredMark />}
      </legend>
      {languages.map((language) => {
        const id = `${props.id}-${language}`;
        const common = {
          id,
          lang: language,
          value: text[language] ?? '',
          'aria-required': (props.required && language === 'et') || undefined,
          'aria-invalid': props.invalid || undefined,
          onChange: (e: { target: { value: string } }) => change(language, e.target.value),
        };
        return (
          <div className="lang-row" key={language}>
            <label htmlFor={id} lang={language} title={languageName(service, language)}>
              {language}
            </label>
            {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
      {missing.length > 0 && (
        <small id={missingId} className="missing-translations">
          {t('missingTranslations', { l: missing.join(', ') })}
        </small>
      )}
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
