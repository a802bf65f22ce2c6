import type { Definition } from '../model/definition';
import { textIn } from '../model/definition';
import { noStageColour, stageColours } from '../model/stages';
import { useWords } from '../i18n';

/** Which colour is which stage. */
export function Legend({ definition }: { definition: Definition }) {
  const { t, language } = useWords();
  const colours = stageColours(definition);
  return (
    <section className="legend" aria-label={t('legend')}>
      <h3>{t('legend')}</h3>
      <ul>
        {(definition.stages ?? []).map((stage) => (
          <li key={stage.id}>
            <span className="swatch" style={{ background: colours.get(stage.id)?.fill, borderColor: colours.get(stage.id)?.border }} />
            {textIn(stage.name, language)}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: noStageColour.fill, borderColor: noStageColour.border }} />
          {t('noStage')}
        </li>
      </ul>
    </section>
  );
}
