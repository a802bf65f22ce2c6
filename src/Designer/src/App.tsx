import { useEffect, useState } from 'react';
import type { Language } from './model/definition';
import { designerLanguages, isLanguage, LanguageContext, translate } from './i18n';
import { useRoute } from './router';
import { DefinitionList } from './list/DefinitionList';
import { Editor } from './editor/Editor';
import { MigrationPage } from './migrate/MigrationPage';

const storageKey = 'koostoo.designer.language';

/** The language chosen before; anything else (nothing, or a language the designer no longer speaks) reads Estonian. */
const stored = (): Language => {
  const chosen = localStorage.getItem(storageKey);
  return isLanguage(chosen) ? chosen : 'et';
};

/** The page frame: title, language switch, and the list, one definition's editor, or moving its running instances. */
export function App() {
  const route = useRoute();
  const [language, setLanguage] = useState<Language>(stored);
  const choose = (next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguage(next);
  };
  // The page says its language from the start, not only after a switch: screen readers and spelling follow it.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="app-head">
          <span className="brand">Koostöö · {translate(language, 'title')}</span>
          <div className="language" role="group" aria-label={translate(language, 'language')}>
            {designerLanguages.map((l) => (
              <button key={l.code} type="button" lang={l.code} aria-pressed={language === l.code} onClick={() => choose(l.code)}>
                {l.name}
              </button>
            ))}
          </div>
        </header>
        {route.page === 'editor' && <Editor key={route.id} id={route.id} />}
        {route.page === 'migrate' && <MigrationPage key={route.id} id={route.id} />}
        {route.page === 'list' && <DefinitionList />}
      </div>
    </LanguageContext.Provider>
  );
}
