import type { DefinitionView } from '../api';
import type { Definition } from '../model/definition';
import { useWords } from '../i18n';
import { migratePath, navigate } from '../router';
import { ImportButton } from './ImportButton';

interface Props {
  summary: { publishedVersion: number | null; draftVersion: number | null; versions: number[] };
  viewing: DefinitionView | null;
  definitionId: string;
  dirty: boolean;
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  isNew: boolean;
  actions: {
    undo: () => void;
    redo: () => void;
    layout: () => void;
    save: () => void;
    publish: () => void;
    compare: () => void;
    exportFile: () => void;
    view: (version: number | null) => void;
    importHere: (definition: Definition, fileName: string) => void;
    error: (message: string) => void;
  };
}

/** The editor's commands and where the definition stands: draft, published version, older versions to look at. */
export function Toolbar({ summary, viewing, definitionId, dirty, busy, canUndo, canRedo, isNew, actions }: Props) {
  const { t } = useWords();
  const readOnly = viewing !== null;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('title')}>
      <span className="versions-status" data-testid="version-status">
        {t('published')}: <strong className="published-version">{summary.publishedVersion ?? t('none')}</strong> · {t('draft')}:{' '}
        <strong className="draft-version">{summary.draftVersion ?? t('none')}</strong>
        {dirty && <em className="dirty"> · {t('unsaved')}</em>}
      </span>
      <label className="version-picker">
        {t('versions')}{' '}
        <select value={viewing?.version ?? ''} onChange={(e) => actions.view(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('draft')}</option>
          {summary.versions.map((v) => (
            <option key={v} value={v}>
              v{v}
              {v === summary.publishedVersion ? ` (${t('published').toLowerCase()})` : ''}
            </option>
          ))}
        </select>
      </label>
      <span className="spacer" />
      <button type="button" onClick={actions.undo} disabled={!canUndo || readOnly} title="Ctrl+Z">
        ↶ {t('undo')}
      </button>
      <button type="button" onClick={actions.redo} disabled={!canRedo || readOnly} title="Ctrl+Shift+Z">
        ↷ {t('redo')}
      </button>
      <button type="button" onClick={actions.layout} disabled={readOnly}>
        {t('layout')}
      </button>
      <button type="button" onClick={actions.compare} disabled={readOnly || summary.publishedVersion === null}>
        {t('compare')}
      </button>
      <ImportButton currentId={definitionId} onImportHere={actions.importHere} onError={actions.error} />
      <button type="button" onClick={actions.exportFile}>
        {t('export')}
      </button>
      <button type="button" onClick={() => navigate(migratePath(definitionId))} disabled={isNew || summary.publishedVersion === null}>
        {t('migrateRunning')}
      </button>
      <button type="button" className="primary" onClick={actions.save} disabled={readOnly || busy}>
        {t('save')}
      </button>
      <button type="button" className="primary" onClick={actions.publish} disabled={readOnly || busy || isNew || (!dirty && summary.draftVersion === null)}>
        {t('publish')}
      </button>
    </div>
  );
}
