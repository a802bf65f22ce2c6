import { createContext, useContext, useEffect, useState } from 'react';
import { api, type ServiceLanguage } from './api';

// The languages a text of a definition is written in: those the service speaks (GET /api/languages), not the
// designer's own (src/i18n.ts). Estonian is first and the fallback; the list may grow, so nothing here names the others.

/** The service's languages, Estonian first; null while GET /api/languages has not answered, or when it failed. */
export const ServiceLanguagesContext = createContext<readonly ServiceLanguage[] | null>(null);

export const useServiceLanguages = () => useContext(ServiceLanguagesContext);

/** The answer of GET /api/languages with anything that is not a language left out; null when nothing usable is left. */
export function readServiceLanguages(answer: unknown): ServiceLanguage[] | null {
  if (!Array.isArray(answer)) return null;
  const seen = new Set<string>();
  const languages = answer.flatMap((l: unknown) => {
    const { code, name } = (l ?? {}) as { code?: unknown; name?: unknown };
    if (typeof code !== 'string' || code === '' || seen.has(code)) return [];
    seen.add(code);
    return [{ code, name: typeof name === 'string' && name !== '' ? name : code }];
  });
  return languages.length > 0 ? languages : null;
}

/**
 * GET /api/languages, once per mount. Null until it answers, and when it fails: the editors then show Estonian and the
 * languages each text already has. Not awaited with the definition and descriptors, so a slow answer holds nothing up.
 */
export function useLoadedServiceLanguages(): ServiceLanguage[] | null {
  const [languages, setLanguages] = useState<ServiceLanguage[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    api
      .languages()
      .then((answer) => !cancelled && setLanguages(readServiceLanguages(answer)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return languages;
}

const written = (text: Readonly<Record<string, unknown>>, language: string) => typeof text[language] === 'string' && text[language] !== '';

/**
 * The languages to show an input for: Estonian, the service's languages, then any other language one of the texts
 * already has, so that nothing written is hidden. Until the service's languages are known, Estonian and the texts' own.
 */
export function languagesToEdit(service: readonly ServiceLanguage[] | null, ...texts: Readonly<Record<string, unknown>>[]): string[] {
  const languages = new Set(['et', ...(service ?? []).map((l) => l.code)]);
  for (const text of texts) for (const language of Object.keys(text)) if (typeof text[language] === 'string') languages.add(language);
  return [...languages];
}

/** The service's languages a text lacks, when it has Estonian; a text without Estonian is left to its required mark. */
export function missingTranslations(service: readonly ServiceLanguage[] | null, text: Readonly<Record<string, unknown>>): string[] {
  if (!service || !written(text, 'et')) return [];
  return service.map((l) => l.code).filter((language) => !written(text, language));
}

/** The language's name in itself, when the service named it. */
export const languageName = (service: readonly ServiceLanguage[] | null, code: string): string | undefined => service?.find((l) => l.code === code)?.name;
