import type { StepProposal } from '../api';
import { useWords } from '../i18n';

interface Props {
  proposal: StepProposal[];
  mapping: Record<string, string>;
  onChange: (from: string, to: string) => void;
}

/**
 * Where each step in flight goes: the same id proposed where the new version has it, or a step of the same type chosen
 * by hand. A step left without one blocks the instances it waits in.
 */
export function MappingTable({ proposal, mapping, onChange }: Props) {
  const { t } = useWords();
  return (
    <section className="mapping">
      <h2>{t('mappingTitle')}</h2>
      <p className="hint">{t('mappingHint')}</p>
      <table className="definitions">
        <thead>
          <tr>
            <th scope="col">{t('step')}</th>
            <th scope="col">{t('becomes')}</th>
            <th scope="col">{t('inInstances')}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.map((step) => {
            const chosen = mapping[step.from] ?? '';
            // The new version has a step of this id and type: leaving the choice empty keeps it the same step.
            const same = step.candidates.includes(step.from);
            return (
              <tr key={step.from} data-step={step.from} className={step.problem && chosen === '' ? 'unmapped' : undefined}>
                <td>
                  <code>{step.from}</code> <span className="hint">({step.type})</span>
                </td>
                <td>
                  <select aria-label={t('mapTo', { from: step.from })} value={chosen} onChange={(e) => onChange(step.from, e.target.value)}>
                    <option value="">{same ? t('sameId', { id: step.from }) : t('chooseStep')}</option>
                    {step.candidates
                      .filter((c) => c !== step.from)
                      .map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                  </select>
                  {step.problem && chosen === '' && step.message && <p className="field-problems">{step.message}</p>}
                </td>
                <td>{step.instances}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
