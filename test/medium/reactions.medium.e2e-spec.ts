// Reactions where their logic lives ("tell us once"): the transport adapter's
// real ReactionConsumer and owner-death reaction in one process, on a freshly
// migrated PostgreSQL and the embedded bus — no HTTP, no interior adapter.
// A death is handed to the consumer as the bus delivers it (its signature
// already checked); what the reaction keeps and publishes, what it leaves
// alone, and what it sets aside as a dead letter, and why, is read from the
// rows it leaves. The whole flow across apps stays in test/life-events/.
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Reaction } from '#spean/adapter-sdk';
import { topicFor, type ConsumedMessage } from '#spean/bus';
import { ownerDeathReaction } from '../../apps/transport/src/owner-death.reaction.js';
import { ReactionConsumer } from '../../libs/adapter-sdk/src/reactions/reaction.consumer.js';
import { ADAPTERS } from '../../tools/adapters.js';
import { startAdapterMedium, type AdapterMedium } from '../support/adapter-medium.js';
import {
  deathMessage,
  newOwner,
  newPlate,
  signedByInterior,
  storedVehicle,
} from '../support/transport-fixtures.js';
import type { TestDatabase } from '../support/test-database.js';

const MARRIAGE = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../schemas/civil-event/ok/marriage-in-siem-reap.json'),
    'utf8',
  ),
) as Record<string, unknown>;

/** The message with its envelope (and payload) changed, as another event would arrive (signed by interior). */
function changed(
  message: ConsumedMessage,
  change: (envelope: Record<string, unknown>) => void,
): ConsumedMessage {
  const envelope = JSON.parse(message.value.toString('utf8')) as Record<string, unknown>;
  change(envelope);
  return signedByInterior({ ...message, value: Buffer.from(JSON.stringify(envelope)) });
}

/** What the transport adapter keeps of a vehicle: its version and owner flags. */
async function stored(db: TestDatabase, plate: string): Promise<Record<string, unknown>[]> {
  return db.database.query(
    `SELECT version::int AS version, payload->'ownerDeceased' AS "ownerDeceased",
            payload->>'ownerDeceasedOn' AS "ownerDeceasedOn"
       FROM adapter_record WHERE record_type = 'vehicle-registration' AND record_id = $1`,
    [plate],
  );
}

/** The vehicle registrations of `plate` on the bus (or in the outbox, on the way): their versions and keys. */
async function published(
  db: TestDatabase,
  plate: string,
): Promise<Array<{ version: number; key: string }>> {
  const started = Date.now();
  for (;;) {
    const [queued] = await db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM adapter_outbox`,
    );
    const rows = await db.database.query<{ version: number; key: string }>(
      `SELECT (convert_from(value, 'UTF8')::jsonb->>'version')::int AS version, key
         FROM bus_message WHERE topic = $1 AND convert_from(value, 'UTF8')::jsonb->>'recordId' = $2
         ORDER BY "offset"`,
      [topicFor('vehicle-registration'), plate],
    );
    if (queued!.n === 0 || Date.now() - started > 5_000) return rows;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the transport adapter’s reaction to a death', () => {
  let medium: AdapterMedium;
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    medium = await startAdapterMedium('reactions_medium', ADAPTERS.transport);
    ({ db, app } = medium);
  });

  afterAll(async () => {
    await medium?.close();
  });

  it('flags every vehicle of the deceased, as the next version, published under the owner', async () => {
    const owner = newOwner();
    const [car, motorbike, othersCar] = [newPlate(), newPlate(), newPlate()];
    await storedVehicle(db.database, car, owner);
    await storedVehicle(db.database, motorbike, owner);
    await storedVehicle(db.database, othersCar, newOwner());
    const outcome = await app.get(ReactionConsumer).handle([deathMessage(owner)]);
    expect(outcome).toEqual({ deadLetters: [] });
    for (const plate of [car, motorbike]) {
      await expect(stored(db, plate)).resolves.toEqual([
        { version: 2, ownerDeceased: true, ownerDeceasedOn: '2026-01-18' },
      ]);
      await expect(published(db, plate)).resolves.toEqual([{ version: 2, key: owner }]);
    }
    await expect(stored(db, othersCar)).resolves.toEqual([
      { version: 1, ownerDeceased: false, ownerDeceasedOn: null },
    ]);
  });

  it('publishes nothing new when the same death, or another record of it, arrives again', async () => {
    const owner = newOwner();
    const plate = newPlate();
    await storedVehicle(db.database, plate, owner);
    const death = deathMessage(owner);
    await app.get(ReactionConsumer).handle([death]);
    const again = await app.get(ReactionConsumer).handle([death, deathMessage(owner)]);
    expect(again).toEqual({ deadLetters: [] });
    await expect(stored(db, plate)).resolves.toEqual([
      { version: 2, ownerDeceased: true, ownerDeceasedOn: '2026-01-18' },
    ]);
    await expect(published(db, plate)).resolves.toEqual([{ version: 2, key: owner }]);
  });

  it.each([
    [
      'a marriage',
      (envelope: Record<string, unknown>) => {
        const subject = (envelope.payload as { subject: object }).subject;
        envelope.payload = { ...MARRIAGE, subject };
      },
    ],
    [
      'a deleted death record',
      (envelope: Record<string, unknown>) => {
        envelope.op = 'delete';
        delete envelope.payload;
      },
    ],
  ])('leaves the vehicles alone on %s', async (_case, change) => {
    const owner = newOwner();
    const plate = newPlate();
    await storedVehicle(db.database, plate, owner);
    const message = changed(deathMessage(owner), change);
    await expect(app.get(ReactionConsumer).handle([message])).resolves.toEqual({
      deadLetters: [],
    });
    await expect(stored(db, plate)).resolves.toEqual([
      { version: 1, ownerDeceased: false, ownerDeceasedOn: null },
    ]);
  });

  it.each([
    [
      'not JSON',
      (message: ConsumedMessage) => ({ ...message, value: Buffer.from('{death') }),
      'not-json',
    ],
    [
      'keyed by someone else',
      (message: ConsumedMessage) => ({ ...message, key: newOwner() }),
      'key-mismatch',
    ],
    [
      'not a valid civil event',
      (message: ConsumedMessage) =>
        changed(
          message,
          (envelope) => ((envelope.payload as Record<string, unknown>).date = 'yesterday'),
        ),
      'schema-invalid',
    ],
  ])(
    'sets a death that is %s aside as a dead letter with its code, and changes nothing',
    async (_case, spoil, code) => {
      const owner = newOwner();
      const plate = newPlate();
      await storedVehicle(db.database, plate, owner);
      // Signed as spoiled: interior itself sent it so, and the checks after the signature are what is tested.
      const message = signedByInterior(spoil(deathMessage(owner)));
      const outcome = await app.get(ReactionConsumer).handle([message]);
      expect(outcome.deadLetters).toEqual([{ message, code, reason: expect.any(String) }]);
      await expect(stored(db, plate)).resolves.toEqual([
        { version: 1, ownerDeceased: false, ownerDeceasedOn: null },
      ]);
    },
  );
});

describe('a reaction the registry does not allow, or that yields invalid records', () => {
  let medium: AdapterMedium;
  let db: TestDatabase;
  let app: INestApplication;
  /** Marks the vehicles of the deceased with a value the schema refuses. */
  const broken: Reaction = {
    recordType: 'civil-event',
    async react(record, context) {
      const outputs = await ownerDeathReaction.react(record, context);
      return outputs.map((output) => ({
        ...(output as Record<string, unknown>),
        payload: { ...(output as { payload: object }).payload, ownerDeceased: 'yes' },
      }));
    },
  };
  const onPerson: Reaction = { recordType: 'person', react: async () => [] };

  beforeAll(async () => {
    medium = await startAdapterMedium('reactions_refused_medium', {
      ...ADAPTERS.transport,
      reactions: [broken, onPerson],
    });
    ({ db, app } = medium);
  });

  afterAll(async () => {
    await medium?.close();
  });

  it('sets the trigger aside as reaction-invalid, naming the record and the rule, and keeps nothing', async () => {
    const owner = newOwner();
    const plate = newPlate();
    await storedVehicle(db.database, plate, owner);
    const outcome = await app.get(ReactionConsumer).handle([deathMessage(owner)]);
    expect(outcome.deadLetters).toEqual([
      expect.objectContaining({
        code: 'reaction-invalid',
        reason: expect.stringMatching(
          /^the transport reaction to civil-event produced invalid records: record 0 .*ownerDeceased/,
        ) as unknown,
      }),
    ]);
    await expect(stored(db, plate)).resolves.toEqual([
      { version: 1, ownerDeceased: false, ownerDeceasedOn: null },
    ]);
  });

  it('does not subscribe to a record type the adapter is not approved to consume, audits that, and refuses one that arrives', async () => {
    const audited = await db.database.query<{
      actorClient: string;
      details: Record<string, unknown>;
    }>(
      `SELECT actor_client AS "actorClient", details FROM audit_entry
        WHERE kind = 'adapter-refusal' AND details->>'action' = 'subscribe'`,
    );
    expect(audited).toEqual([
      {
        actorClient: 'adapter:transport',
        details: expect.objectContaining({
          adapter: 'transport',
          recordType: 'person',
          reason: expect.stringContaining('not approved to consume person') as unknown,
        }) as unknown,
      },
    ]);
    const person = changed(
      deathMessage(newOwner()),
      (envelope) => (envelope.recordType = 'person'),
    );
    await expect(
      app.get(ReactionConsumer).handle([{ ...person, topic: topicFor('person') }]),
    ).rejects.toThrow(/not approved to consume person/);
  });
});
