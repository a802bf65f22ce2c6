import type { Problem } from '../model/problems';
import { useWords } from '../i18n';

/** Problems that belong to no activity on the canvas (the start, stages, variables, connections that cannot be drawn). */
export function ProblemList({ problems }: { problems: Problem[] }) {
  const { t } = useWords();
  if (problems.length === 0) return null;
  return (
    <section className="problem-list" role="alert" aria-label={t('problems')}>
      <h3>{t('problems')}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
