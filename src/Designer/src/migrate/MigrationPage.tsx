import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type MigrationCandidates, type MigrationChoice, type MigrationReport } from '../api';
import { useWords, type Word } from '../i18n';
import { choiceKey, defaultVersions, normaliseChoice } from '../model/migration';
import { editorPath, navigate } from '../router';
import { InstanceReport, moment } from './InstanceReport';
import { MappingTable } from './MappingTable';

const stateWords: Record<string, Word> = { Running: 'stateRunning', Suspended: 'stateSuspended', Faulted: 'stateFaulted' };

/**
 * Moving a definition's running (and faulted) instances to another published version: choose the versions and the
 * instances, run the dry run, map renamed steps by hand, and only with a dry run for exactly that choice on the screen,
 * move them. Each instance moves in its own transaction on the server; the page shows what became of each.
 */
export function MigrationPage({ id }: { id: string }) {
  const { t, language } = useWords();
  const [candidates, setCandidates] = useState<MigrationCandidates | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [unselected, setUnselected] = useState<ReadonlySet<string>>(new Set());
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<{ report: MigrationReport; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const found = await api.migrationCandidates(id);
    setCandidates(found);
    return found;
  }, [id]);

  useEffect(() => {
    load().then(
      (found) => {
        const versions = defaultVersions(found);
        setFrom(versions.from);
        setTo(versions.to);
      },
      (e: Error) => setError(e.message),
    );
  }, [load]);

  const instances = useMemo(() => candidates?.instances.filter((i) => i.version === from) ?? [], [candidates, from]);
  const targets = candidates?.versions.filter((v) => v.published && v.version !== from) ?? [];
  const choice: MigrationChoice | null =
    from === null || to === null
      ? null
      : { fromVersion: from, toVersion: to, instanceIds: instances.filter((i) => !unselected.has(i.instanceId)).map((i) => i.instanceId), mapping };
  const fresh = report !== null && report.report.dryRun && choice !== null && report.key === choiceKey(choice);
  const ready = fresh ? report.report.instances.filter((i) => i.migration.status === 'Ready').map((i) => i.migration.instanceId) : [];

  const run = async (dryRun: boolean) => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      const sent = normaliseChoice(dryRun ? choice : { ...choice, instanceIds: ready });
      const result = dryRun ? await api.dryRun(id, sent) : await api.migrate(id, sent);
      setReport({ report: result, key: choiceKey(choice) });
      if (!dryRun) await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (instanceId: string) =>
    setUnselected((current) => {
      const next = new Set(current);
      if (!next.delete(instanceId)) next.add(instanceId);
      return next;
    });

  return (
    <main className="list-page migrate-page">
      <p>
        <a
          href={editorPath(id)}
          onClick={(e) => {
            e.preventDefault();
            navigate(editorPath(id));
          }}
        >
          {t('backToEditor', { d: candidates?.name ?? id })}
        </a>
      </p>
      <h1>{t('migrateTitle')}</h1>
      <p className="hint intro">{t('migrateIntro')}</p>
      {error && (
        <p className="status error" role="alert">
          {t('error', { m: error })}
        </p>
      )}
      {candidates === null && !error && <p>{t('loading')}</p>}
      {candidates && from === null && <p className="empty">{t('nothingRunning')}</p>}
      {candidates && from !== null && (
        <>
          <div className="migrate-choice">
            <label>
              {t('fromVersion')}{' '}
              <select
                value={from}
                onChange={(e) => {
                  setFrom(Number(e.target.value));
                  setUnselected(new Set());
                }}
              >
                {candidates.versions
                  .filter((v) => v.running + v.faulted > 0 || v.version === from)
                  .map((v) => (
                    <option key={v.version} value={v.version}>
                      {t('versionInFlight', { v: v.version, r: v.running, f: v.faulted })}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              {t('toVersion')}{' '}
              <select value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
                {to === null && <option value="">—</option>}
                {targets.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {targets.length === 0 && <p className="empty">{t('noTarget')}</p>}

          <h2>{t('instancesOn', { v: from })}</h2>
          <table className="definitions instances">
            <thead>
              <tr>
                <th scope="col">
                  <label>
                    <input
                      type="checkbox"
                      checked={instances.every((i) => !unselected.has(i.instanceId))}
                      onChange={(e) => setUnselected(e.target.checked ? new Set() : new Set(instances.map((i) => i.instanceId)))}
                    />{' '}
                    {t('all')}
                  </label>
                </th>
                <th scope="col">{t('network')}</th>
                <th scope="col">{t('stage')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('updated')}</th>
              </tr>
            </thead>
            <tbody>
              {instances.map((i) => (
                <tr key={i.instanceId} data-instance={i.instanceId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={i.networkName ?? i.instanceId}
                      checked={!unselected.has(i.instanceId)}
                      onChange={() => toggle(i.instanceId)}
                    />
                  </td>
                  <td>{i.networkName ?? <code>{i.instanceId}</code>}</td>
                  <td>{i.stage ?? t('none')}</td>
                  <td className={i.status === 'Faulted' ? 'faulted' : undefined}>{t(stateWords[i.status] ?? 'none')}</td>
                  <td>{moment(i.updatedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {report && report.report.proposal.length > 0 && (
            <MappingTable proposal={report.report.proposal} mapping={mapping} onChange={(step, target) => setMapping((m) => ({ ...m, [step]: target }))} />
          )}

          <div className="migrate-actions">
            <button type="button" onClick={() => run(true)} disabled={busy || choice === null || choice.instanceIds.length === 0}>
              {t('dryRun')}
            </button>
            <button type="button" className="primary" onClick={() => run(false)} disabled={busy || !fresh || ready.length === 0}>
              {t('migrateButton', { n: ready.length })}
            </button>
            {report?.report.dryRun && !fresh && <span className="dirty">{t('dryRunStale')}</span>}
          </div>
        </>
      )}
      {report && (
        <section className="migrate-report" aria-live="polite">
          <h2>{t(report.report.dryRun ? 'dryRunTitle' : 'resultTitle')}</h2>
          {report.report.instances.map((view) => (
            <InstanceReport key={view.migration.instanceId} view={view} />
          ))}
        </section>
      )}
    </main>
  );
}
