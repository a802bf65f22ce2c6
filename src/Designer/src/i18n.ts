import { createContext, useContext, useMemo } from 'react';
import type { Language } from './model/definition';

// The designer's own words, Estonian first; activity names and labels come from the descriptors.
const words = {
  title: { et: 'Töövoogude disainer', en: 'Workflow designer' },
  definitions: { et: 'Töövood', en: 'Workflows' },
  id: { et: 'Tunnus', en: 'Id' },
  name: { et: 'Nimi', en: 'Name' },
  published: { et: 'Avaldatud', en: 'Published' },
  draft: { et: 'Mustand', en: 'Draft' },
  versions: { et: 'Versioonid', en: 'Versions' },
  none: { et: '—', en: '—' },
  open: { et: 'Ava', en: 'Open' },
  back: { et: '← Töövood', en: '← Workflows' },
  import: { et: 'Impordi JSON', en: 'Import JSON' },
  export: { et: 'Ekspordi JSON', en: 'Export JSON' },
  save: { et: 'Salvesta mustand', en: 'Save draft' },
  saved: { et: 'Mustand salvestatud (versioon {v}).', en: 'Draft saved (version {v}).' },
  publish: { et: 'Avalda', en: 'Publish' },
  publishedVersion: { et: 'Avaldatud versioonina {v}.', en: 'Published as version {v}.' },
  compare: { et: 'Võrdle avaldatuga', en: 'Compare with published' },
  layout: { et: 'Paiguta', en: 'Layout' },
  undo: { et: 'Võta tagasi', en: 'Undo' },
  redo: { et: 'Tee uuesti', en: 'Redo' },
  unsaved: { et: 'salvestamata muudatused', en: 'unsaved changes' },
  loading: { et: 'Laadin…', en: 'Loading…' },
  palette: { et: 'Tegevused', en: 'Activities' },
  paletteHint: { et: 'Klõpsa või lohista lõuendile', en: 'Click, or drag onto the canvas' },
  legend: { et: 'Etapid', en: 'Stages' },
  noStage: { et: 'etapita', en: 'no stage' },
  properties: { et: 'Omadused', en: 'Properties' },
  selectSomething: { et: 'Vali tegevus, et selle omadusi muuta.', en: 'Select an activity to edit it.' },
  activityId: { et: 'Tegevuse tunnus', en: 'Activity id' },
  activityName: { et: 'Tegevuse nimi', en: 'Activity name' },
  stage: { et: 'Etapp', en: 'Stage' },
  type: { et: 'Tüüp', en: 'Type' },
  inputs: { et: 'Sisendid', en: 'Inputs' },
  otherInputs: { et: 'Muud sisendid (JSON)', en: 'Other inputs (JSON)' },
  rawInputs: { et: 'Sisendid (JSON)', en: 'Inputs (JSON)' },
  unknownType: { et: 'Tundmatu tegevuse tüüp: {t}', en: 'Unknown activity type: {t}' },
  required: { et: 'kohustuslik', en: 'required' },
  defaultIs: { et: 'vaikimisi {v}', en: 'default {v}' },
  add: { et: 'Lisa', en: 'Add' },
  remove: { et: 'Eemalda', en: 'Remove' },
  deleteActivity: { et: 'Kustuta tegevus', en: 'Delete activity' },
  outgoing: { et: 'Väljuvad ühendused', en: 'Outgoing connections' },
  deleteConnection: { et: 'Kustuta ühendus {c}', en: 'Delete connection {c}' },
  idPattern: { et: 'Tähed, numbrid, - ja _, kuni 100 märki.', en: 'Letters, digits, - and _, at most 100.' },
  idTaken: { et: 'See tunnus on juba kasutusel.', en: 'This id is already used.' },
  invalidJson: { et: 'See ei ole korrektne JSON.', en: 'This is not valid JSON.' },
  durationHint: { et: 'ISO 8601, nt P3D (3 päeva), PT2H (2 tundi), P1W', en: 'ISO 8601, e.g. P3D (3 days), PT2H (2 hours), P1W' },
  durationsHint: { et: 'P2D = 2 päeva algusest, -PT12H = 12 tundi enne tähtaega', en: 'P2D = 2 days after the start, -PT12H = 12 hours before the deadline' },
  notDuration: { et: 'Ei ole ISO 8601 kestus (nt P3D).', en: 'Not an ISO 8601 duration (e.g. P3D).' },
  cronHint: { et: 'minut tund päev kuu nädalapäev, nt 0 9 * * MON', en: 'minute hour day month weekday, e.g. 0 9 * * MON' },
  datetimeHint: { et: 'nt 2026-12-01T09:00 või 2026-12-01T09:00+02:00', en: 'e.g. 2026-12-01T09:00 or 2026-12-01T09:00+02:00' },
  problems: { et: 'Vead', en: 'Problems' },
  problemsCount: { et: 'Salvestamata: {n} viga. Vigased kohad on märgitud punasega.', en: 'Not saved: {n} problem(s). They are marked in red.' },
  error: { et: 'Viga: {m}', en: 'Error: {m}' },
  diffTitle: { et: 'Mustand võrreldes avaldatud versiooniga {v}', en: 'Draft compared with published version {v}' },
  noPublished: { et: 'Avaldatud versiooni veel pole.', en: 'There is no published version yet.' },
  noDifferences: { et: 'Erinevusi pole.', en: 'No differences.' },
  added: { et: 'Lisatud tegevused', en: 'Activities added' },
  removed: { et: 'Eemaldatud tegevused', en: 'Activities removed' },
  changed: { et: 'Muudetud tegevused', en: 'Activities changed' },
  moved: { et: 'Ainult teisaldatud', en: 'Only moved' },
  connectionsAdded: { et: 'Lisatud ühendused', en: 'Connections added' },
  connectionsRemoved: { et: 'Eemaldatud ühendused', en: 'Connections removed' },
  otherChanges: { et: 'Muud muudatused', en: 'Other changes' },
  close: { et: 'Sulge', en: 'Close' },
  badFile: { et: 'Faili ei saa importida: see ei ole töövoo JSON ({m}).', en: 'Cannot import the file: it is not a workflow JSON ({m}).' },
  imported: { et: 'Imporditud failist {f}. Salvesta, et see saaks mustandiks.', en: 'Imported from {f}. Save to make it the draft.' },
  newDefinition: { et: 'uus töövoog', en: 'new workflow' },
  viewingVersion: { et: 'Vaatad versiooni {v} (ainult lugemiseks)', en: 'Viewing version {v} (read only)' },
  editDraft: { et: 'Tagasi mustandi juurde', en: 'Back to the draft' },
  language: { et: 'Keel', en: 'Language' },
  start: { et: 'algus', en: 'start' },
  confirmLeave: { et: 'Salvestamata muudatused lähevad kaotsi. Jätkata?', en: 'Unsaved changes will be lost. Continue?' },
} satisfies Record<string, Record<Language, string>>;

export type Word = keyof typeof words;

export function translate(language: Language, word: Word, values: Record<string, string | number> = {}): string {
  return words[word][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const LanguageContext = createContext<Language>('et');

/** The current language and a translator for it. */
export function useWords() {
  const language = useContext(LanguageContext);
  return useMemo(() => ({ language, t: (word: Word, values?: Record<string, string | number>) => translate(language, word, values) }), [language]);
}
