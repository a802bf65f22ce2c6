import { useRef } from 'react';
import type { Definition } from '../model/definition';
import { parseDefinitionFile } from '../model/load';
import { useWords } from '../i18n';
import { pendingImports } from '../files';
import { editorPath, navigate } from '../router';

interface Props {
  /** The definition open in the editor, or null on the list. */
  currentId: string | null;
  onImportHere: (definition: Definition, fileName: string) => void;
  onError: (message: string) => void;
}

/** Reads a definition file; it becomes the unsaved draft of the definition with its id (a new one when no such id exists). */
export function ImportButton({ currentId, onImportHere, onError }: Props) {
  const { t } = useWords();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {t('import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('import')}
        data-testid="import-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          try {
            const definition = parseDefinitionFile(await file.text());
            if (definition.id === currentId) onImportHere(definition, file.name);
            else {
              pendingImports.set(definition.id, { definition, fileName: file.name });
              navigate(editorPath(definition.id));
            }
          } catch (error) {
            onError(t('badFile', { m: (error as Error).message }));
          }
        }}
      />
    </>
  );
}
