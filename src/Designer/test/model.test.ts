import { describe, expect, it } from 'vitest';
import { diffDefinitions, isEmptyDiff } from '../src/model/diff';
import { addActivity, connect, newActivityId, removeElements, setInput } from '../src/model/edit';
import * as History from '../src/model/history';
import { placeProblems } from '../src/model/problems';
import { shipped } from './fixtures';

describe('problems from a 400 answer', () => {
  it('go to the activity and field, the connection, or the general list', () => {
    const sent = shipped('sample-approval.json');
    const placed = placeProblems(
      [
        { path: '$.activities[2].inputs.signal', message: "'signal' is required" },
        { path: '$.activities[2].inputs.reminders[1]', message: 'not a duration' },
        { path: '$.activities[7]', message: 'cannot be reached' },
        { path: '$.connections[9].outcome', message: 'no outcome' },
        { path: '$.start', message: 'no start' },
        { path: '$.activities[99].id', message: 'out of range' },
      ],
      sent,
    );
    expect(placed.activities.get('a')!.map((p) => p.field)).toEqual(['inputs.signal', 'inputs.reminders']);
    expect(placed.activities.get('enough')!.map((p) => p.field)).toEqual(['']);
    expect(placed.connections.get(sent.connections![9])!.map((p) => p.message)).toEqual(['no outcome']);
    expect(placed.general.map((p) => p.path)).toEqual(['$.start', '$.activities[99].id']);
  });
});

describe('the comparison with the published version', () => {
  it('names added, removed and changed activities with their inputs, and connections added and removed', () => {
    const published = shipped('sample-approval.json');
    let draft = setInput(published, 'a', 'reminders', ['P1D']);
    draft = removeElements(draft, ['count-b'], []);
    draft = addActivity(draft, { id: 'escalate', type: 'WaitForSignal', designer: { x: 0, y: 0 } });
    draft = connect(draft, { from: 'a', outcome: 'Timeout', to: 'escalate' });
    draft = { ...draft, activities: draft.activities.map((a) => (a.id === 'done' ? { ...a, designer: { x: 1, y: 1 } } : a)) };
    const diff = diffDefinitions(published, draft);
    expect(diff.added.map((a) => a.id)).toEqual(['escalate']);
    expect(diff.removed.map((a) => a.id)).toEqual(['count-b']);
    expect(diff.changed).toEqual([{ id: 'a', type: 'WaitForSignal', changes: [{ field: 'inputs.reminders', before: undefined, after: ['P1D'] }] }]);
    expect(diff.moved).toEqual(['done']);
    expect(diff.connectionsAdded).toEqual([{ from: 'a', outcome: 'Timeout', to: 'escalate' }]);
    expect(diff.connectionsRemoved.map((c) => `${c.from}>${c.to}`)).toEqual(['b>count-b', 'count-b>both']);
    expect(diff.other).toEqual([]);
  });

  it('is empty for the same definition', () => {
    expect(isEmptyDiff(diffDefinitions(shipped('sample-approval.json'), shipped('sample-approval.json')))).toBe(true);
  });
});

describe('undo and redo', () => {
  it('step back and forth, with typing in one field as one step', () => {
    let h = History.start('a');
    h = History.record(h, 'ab', 'field');
    h = History.record(h, 'abc', 'field');
    h = History.record(h, 'abcX');
    expect(History.undo(h).present).toBe('abc');
    expect(History.undo(History.undo(h)).present).toBe('a');
    expect(History.redo(History.undo(h)).present).toBe('abcX');
    expect(History.record(History.undo(h), 'new').future).toEqual([]);
  });
});

describe('new activity ids', () => {
  it('are made from the type and free', () => {
    const d = addActivity(shipped('sample-approval.json'), { id: 'wait-for-signal-1', type: 'WaitForSignal' });
    expect(newActivityId(d, 'WaitForSignal')).toBe('wait-for-signal-2');
    expect(newActivityId(d, 'SetVariable')).toBe('set-variable-1');
  });
});
