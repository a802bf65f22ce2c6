import type { ActivityDescriptor } from '../model/definition';
import { textIn } from '../model/definition';
import { useWords } from '../i18n';
import { paletteMime } from './Canvas';

interface Props {
  descriptors: ActivityDescriptor[];
  disabled: boolean;
  onAdd: (type: string) => void;
}

/** The activity types by category: a click adds one in the middle of the view, a drag puts it where it is dropped. */
export function Palette({ descriptors, disabled, onAdd }: Props) {
  const { t, language } = useWords();
  const categories = [...new Set(descriptors.map((d) => d.category))].sort();
  return (
    <nav className="palette" aria-label={t('palette')}>
      <h2>{t('palette')}</h2>
      <p className="hint">{t('paletteHint')}</p>
      {categories.map((category) => (
        <section key={category} aria-label={category}>
          <h3>{category}</h3>
          <ul>
            {descriptors
              .filter((d) => d.category === category)
              .sort((a, b) => textIn(a.displayName, language).localeCompare(textIn(b.displayName, language), language))
              .map((d) => (
                <li key={d.type}>
                  <button
                    type="button"
                    className="palette-item"
                    data-type={d.type}
                    disabled={disabled}
                    draggable={!disabled}
                    title={textIn(d.description, language)}
                    onClick={() => onAdd(d.type)}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(paletteMime, d.type);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                  >
                    {textIn(d.displayName, language)}
                    <small>{d.type}</small>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
