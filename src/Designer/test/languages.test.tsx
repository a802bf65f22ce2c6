import { useState } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Json, Language } from '../src/model/definition';
import { App } from '../src/App';
import { designerLanguages, translate, words } from '../src/i18n';
import { ServiceLanguagesContext, useLoadedServiceLanguages } from '../src/languages';
import { LocalizedEditor } from '../src/editor/inputs/LocalizedEditor';
import { serviceLanguages } from './fixtures';

/** Answers GET /api/languages with `languages` (a Response for an error); every other GET with `others[url]`, else []. */
function stubApi(languages: unknown, others: Record<string, unknown> = {}) {
  const asked: string[] = [];
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (url === '/api/languages') {
      answer();
      return languages instanceof Response ? languages : new Response(JSON.stringify(languages));
    }
    return new Response(JSON.stringify(others[url] ?? []));
  });
  return { asked, answered };
}

/** One text editor under the languages as the editor page loads them. */
function LoadedText({ initial }: { initial?: Json }) {
  const languages = useLoadedServiceLanguages();
  const [value, setValue] = useState<Json | undefined>(initial);
  return (
    <ServiceLanguagesContext.Provider value={languages}>
      <LocalizedEditor id="greeting" label="Tervitus" value={value} required invalid={false} onChange={setValue} />
    </ServiceLanguagesContext.Provider>
  );
}

const inputIds = () => [...document.querySelectorAll('#greeting input')].map((i) => i.id);

describe('the languages a text is edited in', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('come from GET /api/languages: et, en and ru, each an input, and the missing ones listed', async () => {
    const api = stubApi(serviceLanguages);
    render(<LoadedText initial={{ et: 'Tere' }} />);
    expect(inputIds()).toEqual(['greeting-et']);
    await waitFor(() => expect(inputIds()).toEqual(['greeting-et', 'greeting-en', 'greeting-ru']));
    expect(api.asked).toEqual(['/api/languages']);
    expect(screen.getByText('Puudub: en, ru')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('en'), { target: { value: 'Hello' } });
    expect(screen.getByText('Puudub: ru')).toBeTruthy();
  });

  it('follow the service when it speaks one more: nothing in the designer names them', async () => {
    stubApi([...serviceLanguages, { code: 'lv', name: 'latviešu' }]);
    render(<LoadedText initial={{ et: 'Tere', en: 'Hello', ru: 'Привет' }} />);
    await waitFor(() => expect(inputIds()).toEqual(['greeting-et', 'greeting-en', 'greeting-ru', 'greeting-lv']));
    expect(screen.getByText('Puudub: lv')).toBeTruthy();
  });

  it('are Estonian and those the text already has when the request fails, and then no notice is shown', async () => {
    const api = stubApi(new Response('{}', { status: 500 }));
    render(<LoadedText initial={{ et: 'Tere', en: 'Hello' }} />);
    await api.answered;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inputIds()).toEqual(['greeting-et', 'greeting-en']);
    expect(document.querySelector('.missing-translations')).toBeNull();
  });

  it('are Estonian and those the text already has when the answer is not a list of languages', async () => {
    const api = stubApi({ languages: 'et' });
    render(<LoadedText initial="Tere" />);
    await api.answered;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inputIds()).toEqual(['greeting-et']);
    expect(screen.getByLabelText('et')).toHaveProperty('value', 'Tere');
  });
});

describe("the designer's own language", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    document.documentElement.lang = '';
  });

  const list = { '/api/workflow-definitions': [{ id: 'network-lifecycle', name: 'Võrgustiku elukäik', publishedVersion: 2, draftVersion: null, versions: [1, 2] }] };

  it('is switched between Estonian, English and Russian, remembered, and Russian shows Russian words', async () => {
    stubApi(serviceLanguages, list);
    render(<App />);
    const switcher = screen.getByRole('group', { name: 'Keel' });
    expect(within(switcher).getAllByRole('button').map((b) => [b.textContent, b.getAttribute('lang')])).toEqual([
      ['Eesti', 'et'],
      ['English', 'en'],
      ['Русский', 'ru'],
    ]);
    await screen.findByRole('heading', { name: 'Töövood' });
    fireEvent.click(within(switcher).getByRole('button', { name: 'Русский' }));
    expect(localStorage.getItem('koostoo.designer.language')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    expect(screen.getByRole('heading', { name: 'Рабочие процессы' })).toBeTruthy();
    expect(screen.getByText('Koostöö · Конструктор рабочих процессов')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Черновик' })).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Язык' })).getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('starts in the stored language', async () => {
    localStorage.setItem('koostoo.designer.language', 'ru');
    stubApi(serviceLanguages, list);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Рабочие процессы' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
  });

  it('reads Estonian when the stored value is not a language the designer speaks', async () => {
    localStorage.setItem('koostoo.designer.language', 'de');
    stubApi(serviceLanguages, list);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Töövood' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Eesti' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe("the designer's words", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('exist in every language the switch offers, with the same placeholders as the Estonian', () => {
    for (const [word, forms] of Object.entries(words)) {
      for (const { code } of designerLanguages) {
        const text = (forms as Record<string, string>)[code];
        expect(text, `${word} in ${code}`).toBeTruthy();
        expect(placeholders(text), `${word} in ${code}`).toEqual(placeholders(forms.et));
      }
    }
  });

  it('fall back to Estonian for a language without them', () => {
    expect(translate('xx' as Language, 'save')).toBe('Salvesta mustand');
    expect(translate('ru', 'saved', { v: 3 })).toBe('Черновик сохранён (версия 3).');
    expect(translate('ru', 'missingTranslations', { l: 'en, ru' })).toBe('Нет перевода: en, ru');
  });
});
