import { describe, expect, it } from 'vitest';
import type { Definition } from '../src/model/definition';
import { removeElements, renameActivity, setInput } from '../src/model/edit';
import { exportDefinition, prepareForEditing } from '../src/model/load';
import { changedPaths, shipped, unknownFields } from './fixtures';

/** Open in the designer, change nothing, export: what the file would hold. */
async function roundTrip(definition: Definition): Promise<Definition> {
  return JSON.parse(exportDefinition(await prepareForEditing(definition))) as Definition;
}

describe('the JSON round trip', () => {
  it('gives back workflows/sample-approval.json exactly when nothing is edited', async () => {
    const original = shipped('sample-approval.json');
    const exported = exportDefinition(await prepareForEditing(shipped('sample-approval.json')));
    expect(JSON.parse(exported)).toStrictEqual(original);
    // Member order too, so a diff of the file shows only real edits.
    expect(exported).toBe(JSON.stringify(original, null, 2) + '\n');
  });

  it('keeps unknown members, unknown types, unknown inputs and plain-string texts, adding only designer positions', async () => {
    const original = unknownFields();
    const exported = await roundTrip(unknownFields());
    for (const activity of exported.activities) {
      expect(activity.designer).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    }
    const withoutPositions = { ...exported, activities: exported.activities.map(({ designer: _, ...rest }) => rest) };
    expect(withoutPositions).toStrictEqual(original);
    expect(Object.keys(exported)).toEqual(Object.keys(original));
  });

  it('lays out a definition without positions top to bottom, without overlaps', async () => {
    const exported = await roundTrip(unknownFields());
    const y = Object.fromEntries(exported.activities.map((a) => [a.id, a.designer!.y]));
    expect(y.ask).toBeLessThan(y.legacy);
    expect(y.legacy).toBeLessThan(y.check);
    const spots = new Set(exported.activities.map((a) => `${a.designer!.x},${a.designer!.y}`));
    expect(spots.size).toBe(exported.activities.length);
  });

  it('places only the activities that have no position when others were placed by hand', async () => {
    const original = shipped('sample-approval.json');
    delete original.activities[3].designer;
    const exported = await roundTrip(original);
    expect(changedPaths(original, exported)).toEqual(['$.activities[3].designer']);
  });

  it('changes exactly one input when one input is edited', async () => {
    const original = shipped('sample-approval.json');
    const edited = setInput(await prepareForEditing(shipped('sample-approval.json')), 'a', 'signal', 'approve-first');
    const exported = JSON.parse(exportDefinition(edited)) as Definition;
    expect(changedPaths(original, exported)).toEqual(['$.activities[2].inputs.signal']);
    expect(exported.activities[2].inputs).toEqual({ signal: 'approve-first' });
  });

  it('adds a new input without touching the others', async () => {
    const original = unknownFields();
    const edited = setInput(await prepareForEditing(unknownFields()), 'check', 'x-other', 'y');
    const exported = JSON.parse(exportDefinition(edited)) as Definition;
    expect(changedPaths(original, exported).filter((p) => !p.endsWith('.designer'))).toEqual(['$.activities[2].inputs.x-other']);
    expect(exported.activities[2].inputs).toEqual({ condition: 'variables.approvals > 1', 'x-unknown-input': 42, 'x-other': 'y' });
  });

  it('renames an activity everywhere it is named: connections and the start', () => {
    const renamed = renameActivity(unknownFields(), 'ask', 'invite');
    expect(renamed.start).toBe('invite');
    expect(renamed.connections!.filter((c) => c.from === 'invite' || c.to === 'invite')).toHaveLength(3);
    expect(renamed.connections![0]['x-label']).toBe('then');
    expect(renamed.activities[0]['x-note']).toBe('kept');
  });

  it('deletes an activity with its connections and leaves the rest as it was', () => {
    const original = unknownFields();
    const next = removeElements(unknownFields(), ['legacy'], []);
    expect(next.activities.map((a) => a.id)).toEqual(['ask', 'check', 'end']);
    expect(next.connections).toEqual([original.connections![1], original.connections![3], original.connections![4]]);
    expect(next['x-owner']).toEqual(original['x-owner']);
  });
});
