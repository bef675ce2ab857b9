// Dead letters stewards can see and put right, written once and run against
// the embedded transport and against Kafka: a consumer that cannot apply
// messages marked "broken" until the test "fixes" it, subscribed through
// subscribeWithDeadLetters on a real bus and a real test database.
import { randomBytes, randomUUID } from 'node:crypto';
import { Admin } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  topicFor,
  type BatchOutcome,
  type ConsumedMessage,
  type DeadLetterVerdict,
  type EventBus,
  type OutgoingMessage,
  type Subscription,
} from '#spean/bus';
import {
  DeadLetterRepository,
  DeadLetterService,
  subscribeWithDeadLetters,
  type DeadLetterSummary,
} from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import { Database } from '#spean/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

export function describeDeadLetters(
  name: string,
  makeBus: (db: TestDatabase) => Promise<EventBus>,
): void {
  describe(`dead letters: ${name}`, () => {
    let db: TestDatabase;
    let bus: EventBus;
    let service: DeadLetterService;
    const subscriptions: Subscription[] = [];

    beforeAll(async () => {
      db = await createTestDatabase('dead_letters');
      bus = await makeBus(db);
      service = new DeadLetterService(new DeadLetterRepository(db.database), new Metrics('test'));
    });
    afterAll(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await bus?.close();
      await db?.drop();
    });

    /** Where a transport would keep its own copy of a group's dead letters, if it kept one. */
    async function transportCopies(group: string): Promise<string[]> {
      const [table] = await db.database.query<{ name: string | null }>(
        `SELECT to_regclass('bus_dead_letter')::text AS name`,
      );
      const copies = table?.name ? [table.name] : [];
      if (bus.transport !== 'kafka') return copies;
      const admin = new Admin({
        clientId: `dead-letters-${randomUUID().slice(0, 8)}`,
        bootstrapBrokers: (process.env.KAFKA_BROKERS ?? '').split(','),
      });
      try {
        const topics = await admin.listTopics();
        return [...copies, ...topics.filter((topic) => topic.includes(`dlq.${group}`))];
      } finally {
        await admin.close();
      }
    }

    /** A consumer whose effects are counted per message id, so "applied once" can be checked. */
    function consumer(group: string, topic: string) {
      const state = {
        fixed: false,
        /** Throw (a transient fault) on the next call that sees a broken message. */
        throwOnce: false,
        thrown: 0,
        applied: new Map<string, number>(),
        /** Every verdict the handler gave, as the bus passed it to the store. */
        deadLettered: [] as DeadLetterVerdict[],
        inFlight: 0,
        maxInFlight: 0,
        delayMs: 5,
      };
      const handler = async (batch: ConsumedMessage[]): Promise<BatchOutcome> => {
        state.inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        try {
          // Long enough for an overlapping call to show, if anything let one overlap.
          await new Promise((resolve) => setTimeout(resolve, state.delayMs));
          const deadLetters: DeadLetterVerdict[] = [];
          for (const message of batch) {
            let body: { id: string; broken?: boolean };
            try {
              body = JSON.parse(message.value.toString('utf8')) as typeof body;
            } catch {
              deadLetters.push({
                message,
                reason: 'the message is not valid JSON',
                code: 'not-json',
              });
              continue;
            }
            if (body.broken && state.throwOnce) {
              state.throwOnce = false;
              state.thrown++;
              throw new Error('database briefly unavailable');
            }
            if (body.broken && !state.fixed) {
              deadLetters.push({
                message,
                reason: 'the test record is marked broken',
                code: 'broken',
              });
              continue;
            }
            state.applied.set(body.id, (state.applied.get(body.id) ?? 0) + 1);
          }
          state.deadLettered.push(...deadLetters);
          return { deadLetters };
        } finally {
          state.inFlight--;
        }
      };
      const subscribe = async (replayPollIntervalMs = 500): Promise<Subscription> => {
        const subscription = await subscribeWithDeadLetters(
          { bus, service, db: db.database, logger: { warn: () => undefined } },
          { group, topics: [topic], maxBatchSize: 50, replayPollIntervalMs },
          handler,
        );
        subscriptions.push(subscription);
        return subscription;
      };
      return { state, subscribe };
    }

    const listed = (group: string, status = 'open'): Promise<DeadLetterSummary[]> =>
      service.list({ group, status });

    describe('one group through failure, redelivery and replay', () => {
      const group = unique('g');
      const topic = topicFor(unique('dl'));
      const { state, subscribe } = consumer(group, topic);
      const key = nationalIdLike();
      const eventId = randomUUID();

      it('stores dead letters with reason, code and metadata, and lists them by filter', async () => {
        await bus.ensureTopics([topic]);
        await subscribe();
        await bus.publish([
          json(topic, key, { id: 'good-1' }),
          json(
            topic,
            key,
            {
              id: 'person-1',
              broken: true,
              recordType: 'person',
              recordId: `MOI-P-${key}`,
              subjectId: key,
              secret: 'payload value',
            },
            {
              'record-type': 'person',
              'schema-version': '1',
              source: 'interior',
              'event-id': eventId,
            },
          ),
          json(topic, key, {
            id: 'tax-1',
            broken: true,
            recordType: 'taxpayer',
            schemaVersion: 2,
            recordId: 'E002-000000001',
            source: 'tax',
          }),
          { topic, key, value: Buffer.from('not json at all') },
        ]);
        await waitFor(async () => (await listed(group)).length === 3);
        expect(state.applied.get('good-1')).toBe(1);

        const letters = await listed(group);
        const byCode = (code: string) => letters.filter((letter) => letter.code === code);
        const person = letters.find((letter) => letter.recordType === 'person')!;
        expect(person).toMatchObject({
          group,
          recordType: 'person',
          schemaVersion: 1,
          source: 'interior',
          recordId: `MOI-P-${'*'.repeat(key.length)}`,
          eventId,
          code: 'broken',
          reason: 'the test record is marked broken',
          attempts: 1,
          status: 'open',
          replayRequestedAt: null,
          resolvedAt: null,
        });
        expect(person.firstFailedAt).toBeInstanceOf(Date);
        expect(letters.find((letter) => letter.recordType === 'taxpayer')).toMatchObject({
          schemaVersion: 2,
          source: 'tax',
          recordId: 'E002-000000001',
          code: 'broken',
        });
        expect(byCode('not-json')).toHaveLength(1);
        expect(byCode('not-json')[0]).toMatchObject({
          recordType: topic.replace(/^spean\./, ''),
          schemaVersion: null,
          source: null,
          recordId: null,
        });
        // Metadata only: nothing of the payload, nor the key (a national id), is listed.
        const text = JSON.stringify(letters);
        expect(text).not.toContain('payload value');
        expect(text).not.toContain(key);
        for (const letter of letters) expect(Object.keys(letter)).not.toContain('value');

        expect(await service.list({ group, code: 'broken' })).toHaveLength(2);
        expect(await service.list({ group, recordType: 'person' })).toHaveLength(1);
        expect(await service.list({ group, source: 'tax' })).toHaveLength(1);
        expect(await service.list({ group, status: 'resolved' })).toHaveLength(0);
        expect(await service.list({ group: unique('other') })).toHaveLength(0);
        expect(await service.list({ group, first: 1 })).toHaveLength(1);
        expect(await service.counts()).toEqual(
          expect.arrayContaining([
            { group, code: 'broken', count: 2 },
            { group, code: 'not-json', count: 1 },
          ]),
        );
        // The store is the one copy: the transport keeps none of its own.
        await expect(transportCopies(group)).resolves.toEqual([]);
      });

      it('keeps a dead letter delivered again as one row, with its attempts counted', async () => {
        // A consumer that stopped before it committed is handed the same
        // messages again, at the same offsets, and sets them aside again.
        const redelivered = [...state.deadLettered];
        expect(redelivered).toHaveLength(3);
        await service.record(group, redelivered);
        const letters = await listed(group);
        expect(letters).toHaveLength(3);
        expect(letters.map((letter) => letter.attempts)).toEqual([2, 2, 2]);
      });

      it('applies every letter exactly once on a replay after the fix, and they leave the open list', async () => {
        state.fixed = true;
        state.delayMs = 25;
        // Live traffic at the same time: the handler must still never run twice at once.
        await bus.publish(
          Array.from({ length: 20 }, (_, i) => json(topic, nationalIdLike(), { id: `live-${i}` })),
        );
        const replay = await service.requestReplay({ group });
        expect(replay).toEqual({ requested: 3, groups: [{ group, requested: 3 }] });

        await waitFor(async () => (await listed(group)).length === 1);
        await waitFor(async () => (await listed(group))[0]!.replayRequestedAt === null);
        const stillOpen = (await listed(group))[0]!;
        expect(stillOpen).toMatchObject({ code: 'not-json', attempts: 3, status: 'open' });
        const resolved = await listed(group, 'resolved');
        expect(resolved.map((letter) => letter.recordType).sort()).toEqual(['person', 'taxpayer']);
        for (const letter of resolved) {
          expect(letter.resolvedAt).toBeInstanceOf(Date);
          expect(letter.replayRequestedAt).toBeNull();
        }
        expect(state.applied.get('person-1')).toBe(1);
        expect(state.applied.get('tax-1')).toBe(1);
        await waitFor(() => state.applied.get('live-19') === 1);
        expect(state.maxInFlight).toBe(1);
        expect(await service.counts()).toEqual(
          expect.arrayContaining([{ group, code: 'not-json', count: 1 }]),
        );
        expect(
          (await service.counts()).find((row) => row.group === group && row.code === 'broken'),
        ).toBeUndefined();
      });

      it('never replays a resolved letter; one that still fails stays open with one more attempt', async () => {
        const again = await service.requestReplay({ group });
        expect(again).toEqual({ requested: 1, groups: [{ group, requested: 1 }] });
        await waitFor(async () => (await listed(group))[0]!.attempts === 4);
        const letter = (await listed(group))[0]!;
        expect(letter).toMatchObject({ code: 'not-json', status: 'open' });
        await waitFor(async () => (await listed(group))[0]!.replayRequestedAt === null);
        expect(state.applied.get('person-1')).toBe(1);
        expect(state.applied.get('tax-1')).toBe(1);
        expect(await service.requestReplay({ ids: [letter.id], code: 'broken' })).toEqual({
          requested: 0,
          groups: [],
        });
      });
    });

    it('leaves a replay pending when the handler fails for a moment, and applies it once after', async () => {
      const group = unique('g');
      const topic = topicFor(unique('dl'));
      const { state, subscribe } = consumer(group, topic);
      await bus.ensureTopics([topic]);
      await subscribe(200);
      await bus.publish([json(topic, nationalIdLike(), { id: 'flaky-1', broken: true })]);
      await waitFor(async () => (await listed(group)).length === 1);

      state.fixed = true;
      state.throwOnce = true;
      const [letter] = await listed(group);
      expect((await service.requestReplay({ ids: [letter!.id] })).requested).toBe(1);
      await waitFor(async () => (await listed(group, 'resolved')).length === 1);
      expect(state.thrown).toBe(1);
      expect(state.applied.get('flaky-1')).toBe(1);
      expect((await listed(group, 'resolved'))[0]!.attempts).toBe(1);
    });

    it('picks up a replay requested in another process within a second (NOTIFY, not polling)', async () => {
      const group = unique('g');
      const topic = topicFor(unique('dl'));
      const { state, subscribe } = consumer(group, topic);
      await bus.ensureTopics([topic]);
      // Polling once a minute: only the notification can make this test pass in time.
      await subscribe(60_000);
      await bus.publish([json(topic, nationalIdLike(), { id: 'notified-1', broken: true })]);
      await waitFor(async () => (await listed(group)).length === 1);
      state.fixed = true;

      // Another process: its own pool, as the CLI or a second gateway would have.
      const other = new Database({ url: db.appUrl, applicationName: 'spean-test-steward' });
      try {
        const started = Date.now();
        const replay = await new DeadLetterService(new DeadLetterRepository(other)).requestReplay({
          group,
        });
        expect(replay.requested).toBe(1);
        await waitFor(async () => (await listed(group)).length === 0, 5_000);
        expect(Date.now() - started).toBeLessThan(1_000);
        expect(state.applied.get('notified-1')).toBe(1);
      } finally {
        await other.close();
      }
    });
  });
}

function json(
  topic: string,
  key: string,
  body: object,
  headers?: Record<string, string>,
): OutgoingMessage {
  return { topic, key, value: Buffer.from(JSON.stringify(body)), headers };
}

function nationalIdLike(): string {
  return String(1_000_000_000 + (randomBytes(4).readUInt32BE() % 8_999_999_999)).slice(0, 10);
}

function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
