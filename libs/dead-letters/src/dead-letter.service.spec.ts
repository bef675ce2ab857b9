import { describe, expect, it, jest } from '@jest/globals';
import type { ConsumedMessage, DeadLetterVerdict } from '#spean/bus';
import { Metrics } from '#spean/observability';
import type { PendingReplay } from './dead-letter.js';
import { DeadLetterException, DeadLetterExceptionCode } from './dead-letter.exception.js';
import type { DeadLetterRepository } from './dead-letter.repository.js';
import { DeadLetterService } from './dead-letter.service.js';

function fakeRepository() {
  return {
    record: jest.fn<DeadLetterRepository['record']>(async () => undefined),
    list: jest.fn<DeadLetterRepository['list']>(async () => []),
    countOpen: jest.fn<DeadLetterRepository['countOpen']>(async () => []),
    requestReplay: jest.fn<DeadLetterRepository['requestReplay']>(async () => [
      { group: 'gateway', requested: 2 },
      { group: 'tax', requested: 1 },
    ]),
    pendingReplays: jest.fn<DeadLetterRepository['pendingReplays']>(async () => []),
    settleReplay: jest.fn<DeadLetterRepository['settleReplay']>(async () => undefined),
    withReplayLock: jest.fn<DeadLetterRepository['withReplayLock']>(async () => true),
  };
}

function message(offset: string): ConsumedMessage {
  return {
    topic: 'spean.person',
    partition: 1,
    offset,
    key: '2345678906',
    value: Buffer.from('{}'),
    headers: { 'record-type': 'person' },
    timestamp: new Date(),
  };
}

function setUp() {
  const repository = fakeRepository();
  const metrics = new Metrics('test');
  const service = new DeadLetterService(repository as unknown as DeadLetterRepository, metrics);
  return { repository, metrics, service };
}

async function counted(metrics: Metrics, labels: Record<string, string>): Promise<number> {
  const { values } = await metrics.deadLetters.get();
  return (
    values.find((v) =>
      Object.entries(labels).every(([k, l]) => v.labels[k as 'group' | 'code'] === l),
    )?.value ?? 0
  );
}

describe('DeadLetterService', () => {
  it('records each message once, with a code even when the verdict gave none, and counts it', async () => {
    const { repository, metrics, service } = setUp();
    const verdicts: DeadLetterVerdict[] = [
      { message: message('1'), reason: 'bad', code: 'schema-invalid' },
      { message: message('1'), reason: 'bad again', code: 'schema-invalid' },
      { message: message('2'), reason: 'no code' },
    ];
    await service.record('gateway', verdicts);
    const [group, entries] = repository.record.mock.calls[0]!;
    expect(group).toBe('gateway');
    expect(entries.map((e) => [e.verdict.message.offset, e.code, e.metadata.recordType])).toEqual([
      ['1', 'schema-invalid', 'person'],
      ['2', 'unspecified', 'person'],
    ]);
    expect(await counted(metrics, { group: 'gateway', code: 'schema-invalid' })).toBe(1);
    expect(await counted(metrics, { group: 'gateway', code: 'unspecified' })).toBe(1);
  });

  it('lists open letters by default, with the page kept within bounds', async () => {
    const { repository, service } = setUp();
    await service.list({ group: 'tax', first: 5000, offset: -3 });
    expect(repository.list).toHaveBeenCalledWith(
      { group: 'tax', recordType: undefined, code: undefined, source: undefined, status: 'open' },
      { limit: 1000, offset: 0 },
    );
  });

  it('refuses an unknown status', () => {
    const { service } = setUp();
    expect(() => service.list({ status: 'closed' })).toThrow(DeadLetterException);
  });

  it('refuses a replay that selects nothing, and ids that are not ids', async () => {
    const { repository, service } = setUp();
    await expect(service.requestReplay({})).rejects.toMatchObject({
      code: DeadLetterExceptionCode.REPLAY_NEEDS_SELECTION,
    });
    await expect(service.requestReplay({ ids: ['12', 'x'] })).rejects.toMatchObject({
      code: DeadLetterExceptionCode.INVALID_ID,
    });
    expect(repository.requestReplay).not.toHaveBeenCalled();
  });

  it('replays everything only when asked to in so many words, and sums the groups', async () => {
    const { repository, service } = setUp();
    expect(await service.requestReplay({ all: true })).toEqual({
      requested: 3,
      groups: [
        { group: 'gateway', requested: 2 },
        { group: 'tax', requested: 1 },
      ],
    });
    expect(repository.requestReplay).toHaveBeenCalledWith(
      {
        group: undefined,
        recordType: undefined,
        code: undefined,
        source: undefined,
        ids: undefined,
      },
      undefined,
    );
  });

  it('records who asked for a replay, and why', async () => {
    const { repository, service } = setUp();
    await service.requestReplay({
      group: 'gateway',
      actor: 'interop/steward-1',
      reason: 'schema fixed',
    });
    expect(repository.requestReplay).toHaveBeenCalledWith(
      expect.objectContaining({ group: 'gateway' }),
      {
        actor: 'interop/steward-1',
        reason: 'schema fixed',
      },
    );
  });

  it('resolves the replayed letters not dead-lettered again, and keeps the others open', async () => {
    const { repository, metrics, service } = setUp();
    const letters: PendingReplay[] = ['1', '2', '3'].map((offset) => ({
      id: `10${offset}`,
      requestedAt: '2026-11-20 02:30:00.123456+00',
      message: message(offset),
    }));
    await service.settleReplay('tax', letters, [
      { message: { ...message('2') }, reason: 'still broken', code: 'reaction-invalid' },
    ]);
    const [outcome] = repository.settleReplay.mock.calls[0]!;
    expect(outcome.resolved.map((letter) => letter.id)).toEqual(['101', '103']);
    expect(
      outcome.failedAgain.map((f) => ({ id: f.letter.id, code: f.code, reason: f.reason })),
    ).toEqual([{ id: '102', code: 'reaction-invalid', reason: 'still broken' }]);
    expect(await counted(metrics, { group: 'tax', code: 'reaction-invalid' })).toBe(1);
  });
});
