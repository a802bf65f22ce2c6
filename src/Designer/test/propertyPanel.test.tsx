import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ServiceLanguage } from '../src/api';
import type { ActivityDescriptor, Definition, Json, Language } from '../src/model/definition';
import type { ActivityProblem } from '../src/model/problems';
import { PropertyPanel } from '../src/editor/PropertyPanel';
import { LanguageContext } from '../src/i18n';
import { ServiceLanguagesContext } from '../src/languages';
import { askMembers, changedPaths, descriptorMap, serviceLanguages, shipped, unknownFields } from './fixtures';

/**
 * The panel over a document it edits, as the editor holds it; `current()` is the document after the edits,
 * `inputs()` the activity's inputs found by its first id (tests that rename read `current()`). The texts are edited in
 * the languages of GET /api/languages (et, en, ru) unless `languages` says otherwise (null: not loaded).
 */
function renderPanel(
  initial: Definition,
  activityId: string,
  options: { descriptors?: ReadonlyMap<string, ActivityDescriptor>; problems?: ActivityProblem[]; language?: Language; languages?: ServiceLanguage[] | null } = {},
) {
  let latest = initial;
  function Harness() {
    const [definition, setDefinition] = useState(initial);
    const [selected, setSelected] = useState(activityId);
    latest = definition;
    return (
      <LanguageContext.Provider value={options.language ?? 'et'}>
        <ServiceLanguagesContext.Provider value={options.languages === undefined ? serviceLanguages : options.languages}>
          <PropertyPanel
            definition={definition}
            activityId={selected}
            descriptors={options.descriptors ?? descriptorMap}
            problems={options.problems ?? []}
            onChange={setDefinition}
            onRenamed={setSelected}
          />
        </ServiceLanguagesContext.Provider>
      </LanguageContext.Provider>
    );
  }
  render(<Harness />);
  return { current: () => latest, inputs: () => latest.activities.find((a) => a.id === activityId)?.inputs };
}

const field = (name: string) => document.querySelector(`[data-input="${name}"]`) as HTMLElement;

/** A descriptor with one input for every UI hint the server can send. */
const everyHint: ActivityDescriptor = {
  type: 'EveryHint',
  category: 'Test',
  displayName: { et: 'Kõik vihjed', en: 'Every hint' },
  description: { et: '', en: '' },
  outcomes: ['Done'],
  inputs: [
    { name: 'title', type: 'text', uiHint: 'localized', required: true, default: null, label: { et: 'Pealkiri', en: 'Title' }, options: null },
    { name: 'condition', type: 'string', uiHint: 'expression', required: false, default: null, label: { et: 'Tingimus', en: 'Condition' }, options: null },
    { name: 'deadline', type: 'string', uiHint: 'duration', required: false, default: null, label: { et: 'Tähtaeg', en: 'Deadline' }, options: null },
    { name: 'reminders', type: 'string[]', uiHint: 'durations', required: false, default: null, label: { et: 'Meeldetuletused', en: 'Reminders' }, options: null },
    { name: 'cron', type: 'string', uiHint: 'cron', required: false, default: null, label: { et: 'Cron', en: 'Cron' }, options: null },
    { name: 'at', type: 'string', uiHint: 'datetime', required: false, default: null, label: { et: 'Aeg', en: 'At' }, options: null },
    { name: 'mode', type: 'string', uiHint: 'select', required: false, default: 'all', label: { et: 'Režiim', en: 'Mode' }, options: ['all', 'any'] },
    { name: 'quiet', type: 'bool', uiHint: 'checkbox', required: false, default: true, label: { et: 'Vaikne', en: 'Quiet' }, options: null },
    { name: 'quorum', type: 'int', uiHint: 'number', required: false, default: null, label: { et: 'Kvoorum', en: 'Quorum' }, options: null },
    { name: 'roles', type: 'string[]', uiHint: 'list', required: false, default: null, label: { et: 'Rollid', en: 'Roles' }, options: null },
    { name: 'form', type: 'json', uiHint: 'json', required: false, default: null, label: { et: 'Vorm', en: 'Form' }, options: null },
  ],
};
const everyHintDescriptors = new Map([...descriptorMap, ['EveryHint', everyHint]]);
const withEveryHint = (): Definition => ({
  id: 'hints',
  name: 'Vihjed',
  activities: [{ id: 'x', type: 'EveryHint', inputs: { 'x-extra': 1 } }],
});

describe('the property panel', () => {
  it('renders the editor each input of WaitForSignal asks for, required ones marked', () => {
    renderPanel(shipped('sample-approval.json'), 'a');
    const signal = screen.getByLabelText(/^Signaal/);
    expect(signal).toHaveProperty('value', 'approve-a');
    expect(signal.getAttribute('aria-required')).toBe('true');
    expect(within(field('signal')).getByText('*')).toBeTruthy();
    expect(screen.getByLabelText(/^Salvesta sisu muutujasse/).getAttribute('aria-required')).toBeNull();
    expect(within(field('variable')).queryByText('*')).toBeNull();
    const deadline = screen.getByLabelText(/^Tähtaeg/);
    expect(deadline.getAttribute('placeholder')).toBe('P3D');
    expect(deadline.className).toContain('mono');
    expect(within(field('deadline')).getByText(/P3D/, { selector: 'small' })).toBeTruthy();
    expect(within(field('reminders')).getByRole('group', { name: /Meeldetuletused/ })).toBeTruthy();
    expect(screen.getByLabelText('Ei meenuta 20:00–08:00')).toHaveProperty('checked', true);
    expect(screen.getByLabelText('Ajavöönd').getAttribute('placeholder')).toBe('Europe/Tallinn');
  });

  it('renders every kind of editor from the UI hints', () => {
    renderPanel(withEveryHint(), 'x', { descriptors: everyHintDescriptors });
    expect(within(field('title')).getByRole('group', { name: /Pealkiri/ })).toBeTruthy();
    expect(within(field('title')).getByLabelText('et')).toBeTruthy();
    expect(within(field('title')).getByLabelText('en')).toBeTruthy();
    expect(screen.getByLabelText('Tingimus').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('Tingimus').className).toContain('mono');
    expect(screen.getByLabelText('Tähtaeg').getAttribute('placeholder')).toBe('P3D');
    expect(within(field('reminders')).getByRole('button', { name: /Lisa/ })).toBeTruthy();
    expect(screen.getByLabelText('Cron').getAttribute('placeholder')).toBe('0 9 * * MON');
    expect(screen.getByLabelText('Aeg').getAttribute('placeholder')).toBe('2026-12-01T09:00');
    const mode = screen.getByLabelText('Režiim') as HTMLSelectElement;
    expect([...mode.options].map((o) => o.value)).toEqual(['', 'all', 'any']);
    expect(screen.getByLabelText('Vaikne')).toHaveProperty('type', 'checkbox');
    expect(screen.getByLabelText('Kvoorum')).toHaveProperty('type', 'number');
    expect(within(field('roles')).getByRole('group', { name: /Rollid/ })).toBeTruthy();
    expect(screen.getByLabelText('Vorm').tagName).toBe('TEXTAREA');
    // An input the descriptor does not know is not hidden: it is editable as JSON.
    expect((screen.getByLabelText('Muud sisendid (JSON)') as HTMLTextAreaElement).value).toContain('"x-extra": 1');
  });

  it('writes every edit into the activity inputs, with the JSON type the engine reads', () => {
    const panel = renderPanel(withEveryHint(), 'x', { descriptors: everyHintDescriptors });
    fireEvent.change(within(field('title')).getByLabelText('et'), { target: { value: 'Kohtumine' } });
    fireEvent.change(within(field('title')).getByLabelText('en'), { target: { value: 'Meeting' } });
    fireEvent.change(screen.getByLabelText('Tingimus'), { target: { value: 'variables.n > 2' } });
    fireEvent.change(screen.getByLabelText('Tähtaeg'), { target: { value: 'P3D' } });
    fireEvent.click(within(field('reminders')).getByRole('button', { name: /Lisa/ }));
    fireEvent.change(screen.getByLabelText('Meeldetuletused 1'), { target: { value: 'P1D' } });
    fireEvent.change(screen.getByLabelText('Cron'), { target: { value: '0 9 * * MON' } });
    fireEvent.change(screen.getByLabelText('Aeg'), { target: { value: '2026-12-01T09:00' } });
    fireEvent.change(screen.getByLabelText('Režiim'), { target: { value: 'any' } });
    fireEvent.click(screen.getByLabelText('Vaikne'));
    fireEvent.change(screen.getByLabelText('Kvoorum'), { target: { value: '3' } });
    fireEvent.click(within(field('roles')).getByRole('button', { name: /Lisa/ }));
    fireEvent.change(screen.getByLabelText('Rollid 1'), { target: { value: 'koordinaator' } });
    fireEvent.change(screen.getByLabelText('Vorm'), { target: { value: '{"fields": ["nimi"]}' } });
    expect(panel.inputs()).toStrictEqual({
      'x-extra': 1,
      title: { et: 'Kohtumine', en: 'Meeting' },
      condition: 'variables.n > 2',
      deadline: 'P3D',
      reminders: ['P1D'],
      cron: '0 9 * * MON',
      at: '2026-12-01T09:00',
      mode: 'any',
      quiet: false,
      quorum: 3,
      roles: ['koordinaator'],
      form: { fields: ['nimi'] },
    });
  });

  it('removes an input that is emptied, and keeps JSON that does not parse out of the definition', () => {
    const panel = renderPanel(shipped('sample-approval.json'), 'draft');
    fireEvent.change(screen.getByLabelText(/^Salvesta sisu muutujasse/), { target: { value: '' } });
    expect(panel.inputs()).toStrictEqual({ signal: 'drafted' });
  });

  it('changes only the edited input of the shipped sample', () => {
    const original = shipped('sample-approval.json');
    const panel = renderPanel(shipped('sample-approval.json'), 'a');
    fireEvent.change(screen.getByLabelText(/^Signaal/), { target: { value: 'approve-first' } });
    expect(changedPaths(original, panel.current())).toEqual(['$.activities[2].inputs.signal']);
  });

  it("shows the server's problem on the field it belongs to", () => {
    renderPanel(shipped('sample-approval.json'), 'a', { problems: [{ path: '$.activities[2].inputs.signal', field: 'inputs.signal', message: "'signal' is required for WaitForSignal." }] });
    const signal = screen.getByLabelText(/^Signaal/);
    expect(signal.getAttribute('aria-invalid')).toBe('true');
    expect(within(field('signal')).getByRole('alert').textContent).toContain("'signal' is required");
  });

  it('edits the id, the name and the stage; a rename follows into the connections', () => {
    const panel = renderPanel(shipped('sample-approval.json'), 'a');
    const id = screen.getByLabelText('Tegevuse tunnus');
    fireEvent.change(id, { target: { value: 'approve a' } });
    expect(screen.getByRole('alert').textContent).toContain('Tähed, numbrid');
    fireEvent.change(id, { target: { value: 'approve-a' } });
    fireEvent.blur(id);
    expect(panel.current().connections!.filter((c) => c.from === 'approve-a' || c.to === 'approve-a')).toHaveLength(2);
    expect(screen.getByLabelText('Tegevuse tunnus')).toHaveProperty('value', 'approve-a');
    fireEvent.change(within(screen.getByRole('group', { name: 'Tegevuse nimi' })).getByLabelText('et'), { target: { value: 'Kinnitus A' } });
    fireEvent.change(screen.getByLabelText('Etapp'), { target: { value: 'plan' } });
    expect(panel.current().activities[2]).toMatchObject({ id: 'approve-a', name: { et: 'Kinnitus A' }, stage: 'plan' });
  });

  it('shows an activity of an unknown type with its raw inputs, editable as JSON', () => {
    const panel = renderPanel(unknownFields(), 'legacy');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('RetiredActivity');
    const raw = screen.getByLabelText('Sisendid (JSON)') as HTMLTextAreaElement;
    expect(JSON.parse(raw.value)).toEqual({ whatever: { a: [1, 2] }, flag: true });
    fireEvent.change(raw, { target: { value: '{"whatever": 1' } });
    expect(raw.getAttribute('aria-invalid')).toBe('true');
    expect(panel.inputs()).toEqual({ whatever: { a: [1, 2] }, flag: true });
    fireEvent.change(raw, { target: { value: '{"whatever": 1, "flag": true}' } });
    expect(panel.inputs()).toEqual({ whatever: 1, flag: true });
  });

  it('speaks English when asked', () => {
    renderPanel(shipped('sample-approval.json'), 'a', { language: 'en' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Wait for signal');
    expect(screen.getByLabelText(/^Signal/)).toHaveProperty('value', 'approve-a');
    expect(screen.getByLabelText(/^Deadline/)).toBeTruthy();
  });
});

const withAskMembers = new Map([...descriptorMap, ['AskMembers', askMembers]]);
const newAskStep = (): Definition => ({ id: 'ask', name: 'Küsi', activities: [{ id: 'ask-members-1', type: 'AskMembers', inputs: {} }] });
const lifecycle = () => shipped('network-lifecycle.json');

describe('the property panel for a question to members', () => {
  it('writes the question in et and en and builds the form field by field, choices with their options', () => {
    const panel = renderPanel(newAskStep(), 'ask-members-1', { descriptors: withAskMembers, problems: [{ path: '$.activities[0].inputs.fields', field: 'inputs.fields', message: "'fields' is required for AskMembers." }] });
    expect(within(field('fields')).getByRole('alert').textContent).toContain("'fields' is required");
    fireEvent.change(document.getElementById('input-ask-members-1-question-et')!, { target: { value: 'Kas sobib kohtumine reedel?' } });
    fireEvent.change(document.getElementById('input-ask-members-1-question-en')!, { target: { value: 'Does a meeting on Friday suit you?' } });

    fireEvent.click(within(field('fields')).getByRole('button', { name: 'Lisa: Vormi väljad' }));
    fireEvent.change(screen.getByLabelText('Nimi vastuses'), { target: { value: 'friday' } });
    fireEvent.change(screen.getByLabelText('Tüüp'), { target: { value: 'choice' } });
    const label = screen.getByRole('group', { name: /^Silt/ });
    fireEvent.change(within(label).getByLabelText('et'), { target: { value: 'Reede sobib' } });
    fireEvent.change(within(label).getByLabelText('en'), { target: { value: 'Friday suits me' } });
    fireEvent.click(screen.getByLabelText('Vastus on kohustuslik'));
    fireEvent.click(screen.getByRole('button', { name: /Lisa valik/ }));
    fireEvent.click(screen.getByRole('button', { name: /Lisa valik/ }));
    fireEvent.change(screen.getByLabelText('Valiku väärtus 1'), { target: { value: 'yes' } });
    fireEvent.change(screen.getByLabelText('Valiku silt 1 et'), { target: { value: 'Jah' } });
    fireEvent.change(screen.getByLabelText('Valiku silt 1 en'), { target: { value: 'Yes' } });
    fireEvent.change(screen.getByLabelText('Valiku väärtus 2'), { target: { value: 'no' } });
    fireEvent.change(screen.getByLabelText('Valiku silt 2 et'), { target: { value: 'Ei' } });
    // A second field gets a name of its own, not a copy of the first one's.
    fireEvent.click(within(field('fields')).getByRole('button', { name: 'Lisa: Vormi väljad' }));

    expect(panel.inputs()).toStrictEqual({
      question: { et: 'Kas sobib kohtumine reedel?', en: 'Does a meeting on Friday suit you?' },
      fields: [
        { name: 'friday', type: 'choice', label: { et: 'Reede sobib', en: 'Friday suits me' }, required: true, options: [{ value: 'yes', label: { et: 'Jah', en: 'Yes' } }, { value: 'no', label: { et: 'Ei' } }] },
        { name: 'field1', type: 'text', label: {} },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Eemalda: Väli 2 (field1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Eemalda Valiku väärtus 2' }));
    expect(panel.inputs()!.fields).toStrictEqual([{ name: 'friday', type: 'choice', label: { et: 'Reede sobib', en: 'Friday suits me' }, required: true, options: [{ value: 'yes', label: { et: 'Jah', en: 'Yes' } }] }]);
  });

  it("shows a problem of one form field in that field's block, and the form's own problems above them", () => {
    renderPanel(lifecycle(), 'invite', {
      descriptors: withAskMembers,
      problems: [
        { path: '$.activities[0].inputs.fields[1].label', field: 'inputs.fields', message: 'A field needs a label.' },
        { path: '$.activities[0].inputs.fields', field: 'inputs.fields', message: "Recording 'roles' reads the fields role, which the form lacks." },
      ],
    });
    const second = field('fields').querySelector('[data-field-index="1"]') as HTMLElement;
    expect(within(second).getByRole('alert').textContent).toBe('A field needs a label.');
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(within(field('fields').querySelector('[data-field-index="0"]') as HTMLElement).queryByRole('alert')).toBeNull();
    const own = [...field('fields').querySelectorAll(':scope > [role=alert] li')].map((li) => li.textContent);
    expect(own).toEqual(["Recording 'roles' reads the fields role, which the form lacks."]);
  });

  it("shows the shipped invitation's form and context as editors, and an edit there changes only that text", () => {
    const original = lifecycle();
    const panel = renderPanel(lifecycle(), 'invite', { descriptors: withAskMembers });
    expect(screen.getByLabelText('Nimi vastuses', { selector: '#input-invite-fields-1-name' })).toHaveProperty('value', 'colleague');
    expect(screen.getByLabelText('Valiku väärtus 3')).toHaveProperty('value', 'suggest');
    expect(screen.getByLabelText('Tüüp', { selector: '#input-invite-fields-0-type' })).toHaveProperty('value', 'choice');
    const context = within(field('context')).getByLabelText('en');
    expect(context.tagName).toBe('TEXTAREA');
    fireEvent.change(context, { target: { value: 'You are invited.' } });
    fireEvent.change(screen.getByLabelText('Valiku silt 2 en'), { target: { value: 'I cannot come' } });
    expect(changedPaths(original, panel.current())).toEqual(['$.activities[0].inputs.context.en', '$.activities[0].inputs.fields[0].options[1].label.en']);
  });
});

const askWith = (inputs: Record<string, Json>): Definition => ({ id: 'ask', name: 'Küsi', activities: [{ id: 'ask-members-1', type: 'AskMembers', inputs }] });
const languagesShown = (group: HTMLElement) => [...group.querySelectorAll('.lang-row label')].map((l) => l.textContent);
const notice = (group: HTMLElement) => group.querySelector('.missing-translations');

describe("texts in the service's languages", () => {
  it('shows an input per language GET /api/languages named, with the ids `${id}-${language}`', () => {
    const panel = renderPanel(askWith({}), 'ask-members-1', { descriptors: withAskMembers });
    expect(languagesShown(field('question'))).toEqual(['et', 'en', 'ru']);
    expect(languagesShown(screen.getByRole('group', { name: 'Tegevuse nimi' }))).toEqual(['et', 'en', 'ru']);
    const ru = document.getElementById('input-ask-members-1-question-ru') as HTMLInputElement;
    expect(ru.getAttribute('lang')).toBe('ru');
    expect(within(field('question')).getByText('ru').getAttribute('title')).toBe('русский');
    fireEvent.change(ru, { target: { value: 'Вам подходит пятница?' } });
    expect(panel.inputs()).toStrictEqual({ question: { ru: 'Вам подходит пятница?' } });
  });

  it('lists the languages a text with Estonian lacks under it, without marking it invalid', () => {
    renderPanel(askWith({}), 'ask-members-1', { descriptors: withAskMembers });
    const question = field('question');
    expect(notice(question)).toBeNull();
    fireEvent.change(document.getElementById('input-ask-members-1-question-et')!, { target: { value: 'Kas reede sobib?' } });
    expect(notice(question)?.textContent).toBe('Puudub: en, ru');
    const group = within(question).getByRole('group');
    expect(group.getAttribute('aria-describedby')?.split(' ')).toContain(notice(question)!.id);
    expect(question.querySelector('[aria-invalid]')).toBeNull();
    expect(question.querySelector('[role=alert]')).toBeNull();
    fireEvent.change(document.getElementById('input-ask-members-1-question-en')!, { target: { value: 'Does Friday suit you?' } });
    expect(notice(question)?.textContent).toBe('Puudub: ru');
    fireEvent.change(document.getElementById('input-ask-members-1-question-ru')!, { target: { value: 'Вам подходит пятница?' } });
    expect(notice(question)).toBeNull();
  });

  it('leaves a text without Estonian to its required and invalid marks, with no notice', () => {
    renderPanel(askWith({ question: { en: 'Only English' } }), 'ask-members-1', {
      descriptors: withAskMembers,
      problems: [{ path: '$.activities[0].inputs.question', field: 'inputs.question', message: "'question' needs Estonian." }],
    });
    const question = field('question');
    expect(notice(question)).toBeNull();
    const et = document.getElementById('input-ask-members-1-question-et')!;
    expect(et.getAttribute('aria-required')).toBe('true');
    expect(et.getAttribute('aria-invalid')).toBe('true');
    expect(within(question).getByRole('alert').textContent).toContain('needs Estonian');
  });

  it("gives every option of a choice a label per language, and notes an option's missing ones under it", () => {
    const panel = renderPanel(
      askWith({
        fields: [
          {
            name: 'day',
            type: 'choice',
            label: { et: 'Päev', en: 'Day', ru: 'День' },
            options: [
              { value: 'mon', label: { et: 'Esmaspäev', en: 'Monday' } },
              { value: 'fri', label: { et: 'Reede', en: 'Friday', ru: 'Пятница' } },
            ],
          },
        ],
      }),
      'ask-members-1',
      { descriptors: withAskMembers },
    );
    const fields = field('fields');
    expect(within(fields).getByRole('group', { name: 'Valikud (väärtus, et, en, ru)' })).toBeTruthy();
    expect(screen.getByLabelText('Valiku silt 2 ru')).toHaveProperty('value', 'Пятница');
    const first = document.getElementById('input-ask-members-1-fields-0-options-0-label-ru')!;
    expect(first.getAttribute('placeholder')).toBe('ru');
    expect([...fields.querySelectorAll('.string-list .missing-translations')].map((n) => n.textContent)).toEqual(['Puudub: ru']);
    expect(first.getAttribute('aria-describedby')).toBe(fields.querySelector('.string-list .missing-translations')!.id);
    // The field's label has all three, so it has no notice.
    expect(notice(within(fields).getByRole('group', { name: /^Silt/ }))).toBeNull();
    fireEvent.change(first, { target: { value: 'Понедельник' } });
    expect(fields.querySelector('.string-list .missing-translations')).toBeNull();
    expect((panel.inputs()!.fields as Json[])[0]).toMatchObject({ options: [{ value: 'mon', label: { et: 'Esmaspäev', en: 'Monday', ru: 'Понедельник' } }, { value: 'fri' }] });
  });

  it('shows Estonian and the languages a text already has while the languages are not known, hiding nothing', () => {
    renderPanel(askWith({ question: { et: 'Küsimus', de: 'Frage' } }), 'ask-members-1', { descriptors: withAskMembers, languages: null });
    expect(languagesShown(field('question'))).toEqual(['et', 'de']);
    expect(document.getElementById('input-ask-members-1-question-de')).toHaveProperty('value', 'Frage');
    expect(languagesShown(screen.getByRole('group', { name: 'Tegevuse nimi' }))).toEqual(['et']);
    expect(notice(field('question'))).toBeNull();
  });

  it("keeps a language the text has beyond the service's, after the service's", () => {
    renderPanel(askWith({ question: { de: 'Frage', et: 'Küsimus' } }), 'ask-members-1', { descriptors: withAskMembers });
    expect(languagesShown(field('question'))).toEqual(['et', 'en', 'ru', 'de']);
  });

  it('says what is missing in the language of the designer', () => {
    renderPanel(askWith({ question: { et: 'Küsimus', en: 'Question' } }), 'ask-members-1', { descriptors: withAskMembers, language: 'en' });
    expect(notice(field('question'))?.textContent).toBe('Missing: ru');
    cleanup();
    renderPanel(askWith({ question: { et: 'Küsimus' } }), 'ask-members-1', { descriptors: withAskMembers, language: 'ru' });
    expect(notice(field('question'))?.textContent).toBe('Нет перевода: en, ru');
  });
});

describe('the property panel in Russian', () => {
  it("shows the designer's words in Russian; the descriptors' words fall back to Estonian where they have no Russian", () => {
    renderPanel(shipped('sample-approval.json'), 'a', { language: 'ru' });
    expect(screen.getByRole('form', { name: 'Свойства' })).toBeTruthy();
    expect(screen.getByLabelText('Идентификатор действия')).toHaveProperty('value', 'a');
    expect(screen.getByRole('group', { name: 'Название действия' })).toBeTruthy();
    expect(screen.getByLabelText('Этап')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Входные данные' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Удалить действие' })).toBeTruthy();
    expect(screen.getByText('ISO 8601, напр. P3D (3 дня), PT2H (2 часа), P1W')).toBeTruthy();
    expect(screen.getByLabelText(/^Signaal/)).toHaveProperty('value', 'approve-a');
  });
});
