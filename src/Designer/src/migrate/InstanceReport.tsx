import type { InstanceMigrationView, WaitingStep } from '../api';
import { localeOf, useWords, type Word } from '../i18n';
import type { Language } from '../model/definition';
import { summarise, timerKind, type TimerKind } from '../model/migration';

const timerWords: Record<TimerKind, Word> = {
  deadline: 'timerDeadline',
  reminder: 'timerReminder',
  checkIn: 'timerCheckIn',
  overdue: 'timerOverdue',
  timer: 'timerTimer',
};

/** A moment as the networks keep time: Tallinn's. */
export function moment(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(localeOf(language), { timeZone: 'Europe/Tallinn', dateStyle: 'medium', timeStyle: 'short' });
}

function Waits({ steps, faulted }: { steps: WaitingStep[]; faulted: boolean }) {
  const { t, language } = useWords();
  return (
    <ul className="waits">
      {steps.map((step) => {
        const summary = summarise(step);
        const parts = [
          summary.answers > 0 ? t('answersAwaited', { n: summary.answers }) : null,
          summary.commands ? t('takesCommands') : null,
          ...summary.signals.map((s) => t('signal', { s })),
          ...summary.timers.map((timer) => `${t(timerWords[timer.kind])} ${moment(timer.dueAt, language)}`),
          faulted && step.waits.length === 0 ? t('faultedHere') : null,
        ].filter((p) => p !== null);
        return (
          <li key={step.activityId} data-activity={step.activityId}>
            <code>{step.activityId}</code> <span className="hint">({step.type})</span>
            {parts.length > 0 && <span className="wait-parts"> – {parts.join(', ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** One instance in a dry run or a migration: where it stands, what waits before and after, timers, links, what it lacks. */
export function InstanceReport({ view }: { view: InstanceMigrationView }) {
  const { t, language } = useWords();
  const m = view.migration;
  const faulted = m.instanceStatus === 'Faulted';
  return (
    <article className={`instance-report status-${m.status.toLowerCase()}`} data-instance={m.instanceId}>
      <h3>
        {view.networkName ?? <code>{m.instanceId}</code>} <span className="status-badge">{t(`status${m.status}` as Word)}</span>
      </h3>
      {m.reason && <p className="reason">{m.reason}</p>}
      {m.waitsNow.length > 0 && (
        <div className="before-after">
          <div>
            <h4>{t('waitsNow', { v: m.fromVersion })}</h4>
            <Waits steps={m.waitsNow} faulted={faulted} />
          </div>
          {m.waitsAfter.length > 0 && (
            <div>
              <h4>{t('waitsAfter', { v: m.toVersion })}</h4>
              <Waits steps={m.waitsAfter} faulted={faulted} />
            </div>
          )}
        </div>
      )}
      {m.timers.length > 0 && (
        <>
          <h4>{t('timersChanged')}</h4>
          <ul className="timer-changes">
            {m.timers.map((timer) => (
              <li key={`${timer.change}-${timer.activityId}-${timer.key}-${timer.dueAt}`} className={timer.change === 'Added' ? 'diff-added' : 'diff-removed'}>
                {timer.change === 'Added' ? '+ ' : '− '}
                {t(timerWords[timerKind(timer.key)])} {moment(timer.dueAt, language)} ({t(timer.change === 'Added' ? 'timerAdded' : 'timerRemoved')})
              </li>
            ))}
          </ul>
        </>
      )}
      {view.links.length > 0 && (
        <>
          <h4>{t('linksTitle')}</h4>
          <ul className="links">
            {view.links.map((l) => (
              <li key={l.activityId} className={l.stayValid ? 'valid' : 'invalid'}>
                {t('linksLine', { a: l.activityId, r: l.requests, n: l.answered, l: l.links })} – <strong>{t(l.stayValid ? 'linksValid' : 'linksInvalid')}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {m.missingVariables.length > 0 && <p className="missing-variables">{t('missingVariables', { v: m.missingVariables.join(', ') })}</p>}
      {m.notes.length > 0 && (
        <details className="notes">
          <summary>{t('notes')}</summary>
          <ul>
            {m.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
