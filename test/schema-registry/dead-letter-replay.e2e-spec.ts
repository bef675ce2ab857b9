// Records that break their schema at the consumer land in its dead letters
// with the reason; once the schema is fixed, a replay applies every one, and
// none twice. The story: a publisher already writes vehicle-registration
// version 2, which the registry does not have yet.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { topicFor } from '#spean/bus';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { signedMessage } from '../support/signed-message.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const v1 = read('schemas/vehicle-registration/1.json') as { properties: Record<string, unknown> };
const car = read('schemas/vehicle-registration/ok/car-in-phnom-penh.json');
const v2 = {
  ...v1,
  properties: { ...v1.properties, fuelType: { enum: ['petrol', 'diesel', 'electric', 'hybrid'] } },
};

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not reached within 15 s (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('dead letters, fixed and replayed', () => {
  let stack: SpeanStack;
  let steward: string;
  let agency: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'replay');
    [steward, agency] = await Promise.all([stack.token(stack.steward), stack.token(stack.agency)]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('applies every dead letter once after the schema is approved', async () => {
    const owner = ids.fromSerial(randomInt(0, ids.capacity));
    const plates = [0, 1, 2, 3, 4].map(
      (i) => `2G${String.fromCharCode(65 + i)}-${randomInt(1000, 9999)}`,
    );
    // Straight onto the bus, as an adapter of a newer release would publish.
    await stack.bus.publish(
      plates.map((plate) => {
        const record = {
          recordType: 'vehicle-registration',
          schemaVersion: 2,
          recordId: plate,
          subjectId: owner,
          version: 1,
          op: 'upsert',
          source: 'transport',
          eventId: randomUUID(),
          occurredAt: '2026-11-21T10:00:00+07:00',
          payload: {
            ...car,
            plateNumber: plate,
            owner: { nationalId: owner },
            ownerDeceased: false,
            fuelType: 'electric',
          },
        };
        return signedMessage(stack.signingKeys.transport, {
          topic: topicFor('vehicle-registration'),
          key: owner,
          value: Buffer.from(JSON.stringify(record)),
          headers: {
            'record-type': 'vehicle-registration',
            'schema-version': '2',
            source: 'transport',
            'event-id': record.eventId,
          },
        });
      }),
    );

    const LIST = `query($status: String) { deadLetters(group: "gateway", recordType: "vehicle-registration", status: $status) {
      recordId code reason schemaVersion source attempts } }`;
    type Letters = {
      deadLetters: Array<{
        recordId: string;
        code: string;
        reason: string;
        schemaVersion: number;
        source: string;
      }>;
    };
    const open = await until(
      () => stack.graphql<Letters>(steward, LIST, { status: 'open' }),
      (r) => (r.data?.deadLetters.length ?? 0) === 5,
      'five dead letters',
    );
    for (const letter of open.data!.deadLetters) {
      expect(letter).toMatchObject({
        code: 'unknown-schema-version',
        schemaVersion: 2,
        source: 'transport',
      });
      expect(letter.reason).toMatch(/schemaVersion/);
    }
    expect(open.data!.deadLetters.map((l) => l.recordId).sort()).toEqual([...plates].sort());

    // The fix: the registry learns version 2.
    const proposed = await stack.graphql(
      await stack.token(stack.integrator),
      `mutation($s: String!) { proposeSchemaVersion(recordType: "vehicle-registration", schema: $s, reason: "fuel type for the emissions tax") { version } }`,
      { s: JSON.stringify(v2) },
    );
    expect(proposed.errors).toBeUndefined();
    const approved = await stack.graphql(
      steward,
      `mutation { approveSchemaVersion(recordType: "vehicle-registration", version: 2, reason: "agreed with transport") { state } }`,
    );
    expect(approved.errors).toBeUndefined();
    await until(
      async () => stack.schemas.validator.schemas.get('vehicle-registration', 2)?.state,
      (s) => s === 'active',
      'reload',
    );

    const REPLAY = `mutation { replayDeadLetters(group: "gateway", recordType: "vehicle-registration", reason: "version 2 approved") { requested } }`;
    const replay = await stack.graphql<{ replayDeadLetters: { requested: number } }>(
      steward,
      REPLAY,
    );
    expect(replay.data!.replayDeadLetters.requested).toBe(5);
    const asked = await stack.db.database.query<{
      actor: string;
      reason: string;
      requested: number;
    }>(`SELECT actor, reason, requested FROM dead_letter_replay_request ORDER BY id`);
    expect(asked).toEqual([
      {
        actor: `interop-office/${stack.steward.clientId}`,
        reason: 'version 2 approved',
        requested: 5,
      },
    ]);

    const lookup = `query($id: ID!) { citizen(nationalId: $id, purpose: "tax-administration") { vehicles { plateNumber } } }`;
    await until(
      () =>
        stack.graphql<{ citizen: { vehicles: Array<{ plateNumber: string }> } | null }>(
          agency,
          lookup,
          { id: owner },
        ),
      (r) => (r.data?.citizen?.vehicles.length ?? 0) === 5,
      'five vehicles at the gateway',
    );
    await until(
      () => stack.graphql<Letters>(steward, LIST, { status: 'open' }),
      (r) => r.data?.deadLetters.length === 0,
      'empty dead letters',
    );
    const resolved = await stack.graphql<Letters>(steward, LIST, { status: 'resolved' });
    expect(resolved.data!.deadLetters).toHaveLength(5);

    // None twice: resolved letters are not replayed again, and each record was applied once.
    const again = await stack.graphql<{ replayDeadLetters: { requested: number } }>(
      steward,
      REPLAY,
    );
    expect(again.data!.replayDeadLetters.requested).toBe(0);
    const rows = await stack.db.database.query<{ record_id: string; version: string }>(
      `SELECT record_id, version FROM read_record WHERE record_type = 'vehicle-registration' AND record_id = ANY($1)`,
      [plates],
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.version === '1')).toBe(true);
    const metrics = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
    const received = metrics
      .split('\n')
      .find(
        (line) =>
          line.startsWith('spean_records_consumed_total{') &&
          line.includes('record_type="vehicle-registration"') &&
          line.includes('outcome="received"'),
      );
    // Received by the read model exactly once each: at the replay.
    expect(Number(received?.split(' ').pop())).toBe(5);
  });
});
