import { useEffect, useState } from 'react';
import { api, type DefinitionSummary } from '../api';
import { useWords } from '../i18n';
import { editorPath, navigate } from '../router';
import { ImportButton } from '../editor/ImportButton';

/** Every definition with its versions, which one is published, and whether a draft waits. */
export function DefinitionList() {
  const { t } = useWords();
  const [list, setList] = useState<DefinitionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.list().then(setList, (e: Error) => setError(e.message));
  }, []);
  return (
    <main className="list-page">
      <div className="list-head">
        <h1>{t('definitions')}</h1>
        <ImportButton currentId={null} onImportHere={() => undefined} onError={setError} />
      </div>
      {error && <p className="status error" role="alert">{t('error', { m: error })}</p>}
      {list === null && !error && <p>{t('loading')}</p>}
      {list && (
        <table className="definitions">
          <thead>
            <tr>
              <th scope="col">{t('id')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('published')}</th>
              <th scope="col">{t('draft')}</th>
              <th scope="col">{t('versions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} data-definition-id={d.id}>
                <td>
                  <a
                    href={editorPath(d.id)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(editorPath(d.id));
                    }}
                  >
                    <code>{d.id}</code>
                  </a>
                </td>
                <td>{d.name}</td>
                <td className="published-version">{d.publishedVersion ?? t('none')}</td>
                <td className="draft-version">{d.draftVersion ?? t('none')}</td>
                <td>
                  {d.versions.map((v) => (
                    <span key={v} className={v === d.publishedVersion ? 'version current' : 'version'}>
                      {v}
                    </span>
                  ))}
                  {d.draftVersion !== null && <span className="version draft">{d.draftVersion}*</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
