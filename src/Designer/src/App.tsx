import { useState } from 'react';
import type { Language } from './model/definition';
import { LanguageContext, translate } from './i18n';
import { useRoute } from './router';
import { DefinitionList } from './list/DefinitionList';
import { Editor } from './editor/Editor';
import { MigrationPage } from './migrate/MigrationPage';

const stored = (): Language => (localStorage.getItem('koostoo.designer.language') === 'en' ? 'en' : 'et');

/** The page frame: title, language switch, and the list, one definition's editor, or moving its running instances. */
export function App() {
  const route = useRoute();
  const [language, setLanguage] = useState<Language>(stored);
  const choose = (next: Language) => {
    localStorage.setItem('koostoo.designer.language', next);
    document.documentElement.lang = next;
    setLanguage(next);
  };
  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="app-head">
          <span className="brand">Koostöö · {translate(language, 'title')}</span>
          <div className="language" role="group" aria-label={translate(language, 'language')}>
            {(['et', 'en'] as const).map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => choose(l)}>
                {l === 'et' ? 'Eesti' : 'English'}
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
