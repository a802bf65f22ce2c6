import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstanceMigration, MigrationCandidates, MigrationReport } from '../src/api';
import { LanguageContext } from '../src/i18n';
import { MigrationPage } from '../src/migrate/MigrationPage';
import { choiceKey, defaultVersions, summarise, timerKind } from '../src/model/migration';
import { parseRoute } from '../src/router';

const candidates: MigrationCandidates = {
  definitionId: 'network-lifecycle',
  name: 'Võrgustikutöö elukaar',
  versions: [
    { version: 1, published: true, publishedAt: null, running: 2, faulted: 0 },
    { version: 2, published: true, publishedAt: null, running: 1, faulted: 0 },
    { version: 3, published: true, publishedAt: null, running: 0, faulted: 0 },
    { version: 4, published: false, publishedAt: null, running: 0, faulted: 0 },
  ],
  instances: [
    { instanceId: 'i1', version: 1, status: 'Suspended', stage: 'roles', networkId: 'n1', networkName: 'Kooli võrgustik', fault: null, updatedAt: '2026-11-23T08:00:00Z' },
    { instanceId: 'i2', version: 1, status: 'Faulted', stage: 'roles', networkId: 'n2', networkName: 'Noorte võrgustik', fault: 'x', updatedAt: '2026-11-23T08:00:00Z' },
    { instanceId: 'i3', version: 2, status: 'Suspended', stage: 'goal', networkId: 'n3', networkName: 'Pere võrgustik', fault: null, updatedAt: '2026-11-23T08:00:00Z' },
  ],
};

describe('the migration model', () => {
  it('starts from the oldest version with instances in flight, to the newest published one', () => {
    expect(defaultVersions(candidates)).toEqual({ from: 1, to: 3 });
    expect(defaultVersions({ ...candidates, versions: [{ version: 1, published: true, publishedAt: null, running: 1, faulted: 0 }] })).toEqual({ from: 1, to: 1 });
  });

  it('reads a waiting step: answers awaited, commands, signals and timers in time order', () => {
    const summary = summarise({
      activityId: 'roles',
      type: 'AskMembers',
      stage: 'roles',
      waits: [
        { bookmarkId: '1', kind: 'Timer', key: 'deadline', dueAt: '2026-11-28T08:00:00Z' },
        { bookmarkId: '2', kind: 'Response', key: 'answer:a', dueAt: null },
        { bookmarkId: '3', kind: 'Response', key: 'answer:b', dueAt: null },
        { bookmarkId: '4', kind: 'Response', key: 'command', dueAt: null },
        { bookmarkId: '5', kind: 'Timer', key: 'reminder:1', dueAt: '2026-11-25T08:00:00Z' },
        { bookmarkId: '6', kind: 'Signal', key: 'go', dueAt: null },
      ],
    });
    expect(summary).toEqual({
      answers: 2,
      commands: true,
      signals: ['go'],
      timers: [
        { kind: 'reminder', dueAt: '2026-11-25T08:00:00Z' },
        { kind: 'deadline', dueAt: '2026-11-28T08:00:00Z' },
      ],
    });
    expect(['checkin:x', 'overdue:x', 'other', null].map(timerKind)).toEqual(['checkIn', 'overdue', 'timer', 'timer']);
  });

  it('takes a choice for the same whatever the order of instances and steps left unmapped', () => {
    expect(choiceKey({ fromVersion: 1, toVersion: 2, instanceIds: ['b', 'a'], mapping: { roles: 'r2', invite: '' } })).toBe(
      choiceKey({ fromVersion: 1, toVersion: 2, instanceIds: ['a', 'b'], mapping: { roles: 'r2' } }),
    );
  });

  it('has an address of its own under the definition', () => {
    expect(parseRoute('/designer/definitions/network-lifecycle/migrate')).toEqual({ page: 'migrate', id: 'network-lifecycle' });
    expect(parseRoute('/designer/definitions/network-lifecycle')).toEqual({ page: 'editor', id: 'network-lifecycle' });
  });
});

const blocked = (instanceId: string): InstanceMigration => ({
  instanceId,
  fromVersion: 1,
  toVersion: 3,
  status: 'Blocked',
  instanceStatus: 'Suspended',
  reason: "'roles' (AskMembers) is in flight but not in version 3",
  steps: [{ from: 'roles', type: 'AskMembers', to: null, how: 'Unmapped', problem: 'NotInVersion', message: "'roles' is not in version 3" }],
  waitsNow: [{ activityId: 'roles', type: 'AskMembers', stage: 'roles', waits: [{ bookmarkId: 'b', kind: 'Response', key: 'answer:x', dueAt: null }] }],
  waitsAfter: [],
  timers: [],
  notes: [],
  missingVariables: [],
});

function report(dryRun: boolean, status: 'Blocked' | 'Ready' | 'Migrated', ids: string[]): MigrationReport {
  return {
    definitionId: 'network-lifecycle',
    fromVersion: 1,
    toVersion: 3,
    dryRun,
    proposal: [
      status === 'Blocked'
        ? { ...blocked('x').steps[0], instances: ids.length, candidates: ['roles-and-agreements', 'invite'] }
        : { from: 'roles', type: 'AskMembers', to: 'roles-and-agreements', how: 'ByHand', problem: null, message: null, instances: ids.length, candidates: ['roles-and-agreements', 'invite'] },
    ],
    instances: ids.map((id) => ({
      migration: status === 'Blocked' ? blocked(id) : { ...blocked(id), status, reason: null, steps: [{ from: 'roles', type: 'AskMembers', to: 'roles-and-agreements', how: 'ByHand', problem: null, message: null }] },
      networkId: null,
      networkName: id,
      links: [{ activityId: 'roles', requests: 4, answered: 2, links: 6, stayValid: true }],
    })),
  };
}

describe('the migration page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('moves only after a dry run for exactly the choice on the screen, and only the instances that dry run found ready', async () => {
    const sent: { url: string; body: unknown }[] = [];
    const answers = [report(true, 'Blocked', ['i1', 'i2']), report(true, 'Ready', ['i1']), report(false, 'Migrated', ['i1'])];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (!init || init.method === 'GET') return new Response(JSON.stringify(candidates));
      sent.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify(answers.shift()));
    });
    render(
      <LanguageContext.Provider value="en">
        <MigrationPage id="network-lifecycle" />
      </LanguageContext.Provider>,
    );
    const move = await screen.findByRole('button', { name: 'Move (0)' });
    expect(screen.getAllByRole('checkbox', { name: /võrgustik/ })).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await screen.findByText('Dry run (nothing was changed)');
    expect(sent[0]).toEqual({ url: '/api/admin/migrations/network-lifecycle/dry-run', body: { fromVersion: 1, toVersion: 3, instanceIds: ['i1', 'i2'], mapping: {} } });
    expect((move as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Noorte võrgustik' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'roles in the new version' }), { target: { value: 'roles-and-agreements' } });
    expect(screen.getByText('The choice changed: run the dry run again before moving.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Move (1)' }) as HTMLButtonElement).disabled).toBe(false));
    expect(sent[1].body).toEqual({ fromVersion: 1, toVersion: 3, instanceIds: ['i1'], mapping: { roles: 'roles-and-agreements' } });

    fireEvent.click(screen.getByRole('button', { name: 'Move (1)' }));
    await screen.findByText('Result');
    expect(sent[2]).toEqual({ url: '/api/admin/migrations/network-lifecycle', body: { fromVersion: 1, toVersion: 3, instanceIds: ['i1'], mapping: { roles: 'roles-and-agreements' } } });
    expect(screen.getByText('moved')).toBeTruthy();
  });
});
