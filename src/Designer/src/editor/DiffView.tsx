import type { Connection } from '../model/definition';
import type { DefinitionDiff, FieldChange } from '../model/diff';
import { isEmptyDiff } from '../model/diff';
import { useWords } from '../i18n';

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));
const connection = (c: Connection) => `${c.from} —${c.outcome}→ ${c.to}`;

function Changes({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="field-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <code>{c.field}</code>: <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

function Section({ title, items }: { title: string; items: React.ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul>{items}</ul>
    </section>
  );
}

/** The draft against the published version: what an admin checks before publishing. */
export function DiffView({ diff, version, onClose }: { diff: DefinitionDiff | null; version: number | null; onClose: () => void }) {
  const { t } = useWords();
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="diff-title">
        <h2 id="diff-title">{version === null ? t('noPublished') : t('diffTitle', { v: version })}</h2>
        {diff && isEmptyDiff(diff) && <p>{t('noDifferences')}</p>}
        {diff && (
          <div className="diff">
            <Section title={t('added')} items={diff.added.map((a) => <li key={a.id} className="diff-added"><code>{a.id}</code> ({a.type})</li>)} />
            <Section title={t('removed')} items={diff.removed.map((a) => <li key={a.id} className="diff-removed"><code>{a.id}</code> ({a.type})</li>)} />
            <Section
              title={t('changed')}
              items={diff.changed.map((a) => (
                <li key={a.id} className="diff-changed">
                  <code>{a.id}</code> ({a.type})
                  <Changes changes={a.changes} />
                </li>
              ))}
            />
            <Section title={t('connectionsAdded')} items={diff.connectionsAdded.map((c, i) => <li key={i} className="diff-added">{connection(c)}</li>)} />
            <Section title={t('connectionsRemoved')} items={diff.connectionsRemoved.map((c, i) => <li key={i} className="diff-removed">{connection(c)}</li>)} />
            <Section title={t('otherChanges')} items={diff.other.length > 0 ? [<li key="other"><Changes changes={diff.other} /></li>] : []} />
            <Section title={t('moved')} items={diff.moved.length > 0 ? [<li key="moved">{diff.moved.join(', ')}</li>] : []} />
          </div>
        )}
        <button type="button" autoFocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
