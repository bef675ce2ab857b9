// On the embedded bus an adapter appends what it publishes to the log in the
// transaction that keeps it: no outbox row is written on the way, and what
// is on the log verifies as the adapter's. A subject with an older message
// still waiting in the outbox (a bus that refused it) has its new one wait
// behind it, and the relay sends both, in order.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { topicFor } from '#spean/bus';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { OutboxRepository } from '#spean/adapter-sdk';
import { record } from '../support/canonical-records.js';
import { fixtureAbout } from '../support/full-citizen.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { eventually } from '../support/eventually.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));
const TOPIC = topicFor('vehicle-registration');

const car = (owner: string, plate: string, version = 1) =>
  record(
    'vehicle-registration',
    `MPWT-V-${plate}`,
    owner,
    { ...fixtureAbout('vehicle-registration', 'car-in-phnom-penh', owner), plateNumber: plate },
    version,
  );

interface LogRow {
  key: string;
  offset: string;
  headers: Record<string, string>;
  version: number;
}

describe('publishing on the embedded bus', () => {
  let stack: SpeanStack;

  beforeAll(async () => {
    stack = await startStack('embedded', 'embedded-publish');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const onLog = (keys: string[]): Promise<LogRow[]> =>
    stack.db.database.query<LogRow>(
      `SELECT key, "offset"::text AS "offset", headers, (convert_from(value, 'UTF8')::jsonb->>'version')::int AS version
       FROM bus_message WHERE topic = $1 AND key = ANY($2::text[]) ORDER BY "offset"`,
      [TOPIC, keys],
    );
  const outboxRows = async (): Promise<number> => {
    const [row] = await stack.db.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM adapter_outbox WHERE adapter = 'transport'`,
    );
    return row!.n;
  };

  it('puts an accepted batch on the log by the time it answers, signed, with no outbox row', async () => {
    const owners = [newNationalId(), newNationalId(), newNationalId()];
    const base = randomInt(1000, 9990);
    const inserted: string[] = [];
    // Any outbox row the publish wrote, however briefly, is counted here (as the schema's owner).
    const owner = stack.db.owner();
    await owner.query(`CREATE TABLE IF NOT EXISTS seen_outbox (n int)`);
    await owner.query(`CREATE OR REPLACE FUNCTION count_outbox() RETURNS trigger
      SECURITY DEFINER AS $$ BEGIN INSERT INTO seen_outbox VALUES (1); RETURN NEW; END $$
      LANGUAGE plpgsql`);
    await owner.query(
      `CREATE OR REPLACE TRIGGER count_outbox AFTER INSERT ON adapter_outbox
       FOR EACH ROW EXECUTE FUNCTION count_outbox()`,
    );
    try {
      const answer = await stack.publishAs(
        'transport',
        owners.map((owner, i) => car(owner, `2A-${base + i}`)),
      );
      expect(answer.status).toBe(202);
      inserted.push(...(answer.body.eventIds as string[]));
      const rows = await onLog(owners);
      expect(rows.map((row) => row.key).sort()).toEqual([...owners].sort());
      for (const row of rows) {
        expect(row.headers).toMatchObject({
          source: 'transport',
          'record-type': 'vehicle-registration',
        });
        expect(row.headers.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
        expect(row.headers['signature-proof']).toMatch(/^\d\.3\./);
        expect(inserted).toContain(row.headers['event-id']);
      }
      const [seen] = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM seen_outbox`);
      expect(seen!.n).toBe(0);
      expect(await outboxRows()).toBe(0);
    } finally {
      await owner.query(`DROP TRIGGER IF EXISTS count_outbox ON adapter_outbox`);
    }
  });

  it('keeps a subject behind its older message waiting in the outbox, and the relay sends both in order', async () => {
    const owner = newNationalId();
    const plate = `2B-${randomInt(1000, 9999)}`;
    // A message of this subject the bus refused earlier: waiting for the relay, leased to nobody.
    const outbox = new OutboxRepository(stack.db.database, 'transport');
    const first = await stack.publishAs('transport', [car(owner, plate, 1)]);
    expect(first.status).toBe(202);
    const [kept] = await stack.db.database.query<{
      value: Buffer;
      headers: Record<string, string>;
    }>(`DELETE FROM bus_message WHERE topic = $1 AND key = $2 RETURNING value, headers`, [
      TOPIC,
      owner,
    ]);
    // Its message goes back to the outbox, as a refused send leaves it (claimable at once).
    await stack.db.database.transaction((tx) =>
      outbox.add(tx, [{ topic: TOPIC, key: owner, value: kept!.value, headers: kept!.headers }], 0),
    );

    const second = await stack.publishAs('transport', [car(owner, plate, 2)]);
    expect(second.status).toBe(202);
    const rows = await eventually(
      () => onLog([owner]),
      (found) => found.length >= 2,
    );
    expect(rows.map((row) => row.version)).toEqual([1, 2]);
    await expect(eventually(outboxRows, (n) => n === 0)).resolves.toBe(0);
  });
});
