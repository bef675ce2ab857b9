// `spean backfill`: a ministry's initial load in bulk, on the real embedded
// PostgreSQL and bus beside a running gateway and adapters. Good lines land in
// the adapter's store and the read model (a lookup shows them) and go on the
// log (a death's reactions happen); bad lines are refused by line, path and
// rule; a re-run changes nothing; an older version never overwrites a newer;
// an adapter that is not approved, or a record type it does not publish, is
// refused; a run that dies mid-chunk leaves that chunk wholly absent (store,
// read model and log alike) and a re-run publishes it, once; and one audit
// entry says exactly what happened — with no personal data there or on the
// console.
import { createHash, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AdapterRegistryService } from '#spean/adapter-registry';
import { BackfillStageRepository } from '#spean/adapter-sdk';
import { EnvReader } from '#spean/config';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { backfillCommand } from '../../tools/backfill-command.js';
import { auditEntriesSince, lastAuditSeq } from '../support/audit-entries.js';
import { fixture, record } from '../support/canonical-records.js';
import { startStack, type AdapterName, type SpeanStack } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));
const suffix = (): string => String(randomInt(100_000, 999_999));

const person = (nationalId: string, extra: object = {}, version: unknown = 1) =>
  record(
    'person',
    `MOI-P-${nationalId}`,
    nationalId,
    { ...fixture('person', 'adult-born-in-phnom-penh'), nationalId, ...extra },
    version,
  );

const CITIZEN = `query Citizen($id: ID!) {
  citizen(nationalId: $id, purpose: "land-administration") {
    person { alive dateOfDeath dateOfBirth }
    vehicles { plateNumber ownerDeceased }
  }
}`;

interface Citizen {
  person: null | { alive: boolean; dateOfDeath: string | null; dateOfBirth: string };
  vehicles: Array<{ plateNumber: string; ownerDeceased: boolean }>;
}

describe('spean backfill', () => {
  let stack: SpeanStack;
  let dir: string;
  let agencyToken: string;
  let output: string[];

  beforeAll(async () => {
    stack = await startStack('embedded', 'backfill');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-backfill-'));
    agencyToken = await stack.token(stack.agency);
  });
  afterAll(async () => {
    await stack?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Runs the command as an operator would, with the adapter's settings; what it wrote is in `output`. */
  async function backfill(adapter: AdapterName, lines: string[], ...flags: string[]) {
    const keyFile = path.join(dir, `${adapter}.ed25519.pem`);
    fs.writeFileSync(
      keyFile,
      stack.signingKeys[adapter].export({ format: 'pem', type: 'pkcs8' }).toString(),
      { mode: 0o600 },
    );
    const file = path.join(dir, `${adapter}-${suffix()}.ndjson`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    output = [];
    const capture = (text: string | Uint8Array): boolean => {
      output.push(String(text));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    const env = new EnvReader({
      NODE_ENV: 'test',
      DATA_DIR: dir,
      DATABASE_URL: stack.db.appUrl,
      DATABASE_MIGRATION_URL: stack.db.migratorUrl,
      ADAPTER_SIGNING_KEY_FILE: keyFile,
      BUS_PARTITIONS: '4',
    });
    const status = await backfillCommand([adapter, file, '--as', 'ops-1', ...flags], env);
    jest.restoreAllMocks();
    const rejectsFile = file.replace(/\.ndjson$/, '.rejects.ndjson');
    const rejects = fs.existsSync(rejectsFile)
      ? fs
          .readFileSync(rejectsFile, 'utf8')
          .trim()
          .split('\n')
          .map(
            (line) =>
              JSON.parse(line) as {
                line: number;
                text: string;
                issues: Array<{ path: string; rule: string; message: string }>;
              },
          )
      : [];
    return { status, file, rejects };
  }

  const lookup = async (nationalId: string): Promise<Citizen | null> =>
    (await stack.graphql<{ citizen: Citizen | null }>(agencyToken, CITIZEN, { id: nationalId }))
      .data!.citizen;

  async function until(nationalId: string, done: (citizen: Citizen) => boolean): Promise<Citizen> {
    const started = performance.now();
    for (;;) {
      const citizen = await lookup(nationalId);
      if (citizen && done(citizen)) return citizen;
      if (performance.now() - started > 15_000)
        throw new Error(`not consistent within 15 s: ${JSON.stringify(citizen)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const backfillEntries = (since: number) =>
    auditEntriesSince(stack.db.database, ['backfill'], since);

  it('lands the good lines, refuses the bad ones by line, path and rule, and the reactions happen', async () => {
    const deceased = newNationalId();
    const widow = newNationalId();
    const plate = `2A${String.fromCharCode(65 + randomInt(0, 26))}-${randomInt(1000, 9999)}`;
    const car = fixture('vehicle-registration', 'car-in-phnom-penh');
    const published = await stack.publishAs('transport', [
      record('vehicle-registration', plate, deceased, {
        ...car,
        plateNumber: plate,
        owner: { nationalId: deceased },
        ownerDeceased: false,
      }),
    ]);
    expect(published.status).toBe(202);
    const typo = widow.slice(0, 9) + String((Number(widow[9]) + 1) % 10);
    const death = fixture('civil-event', 'death-in-kandal');
    const lines = [
      JSON.stringify(person(deceased)),
      JSON.stringify(person(widow)),
      '{"recordType": "person", ', // 3: not JSON
      JSON.stringify(person(typo)), // 4: a mistyped national id
      '', // 5: blank, skipped
      JSON.stringify(person(newNationalId(), {}, 'one')), // 6: a version that is not a number
      JSON.stringify(
        record('civil-event', `CR-081102-2026-${suffix()}`, deceased, {
          ...death,
          subject: { nationalId: deceased },
          date: '2026-11-20',
          registeredOn: '2026-11-21',
        }),
      ),
    ];
    const since = await lastAuditSeq(stack.db.database);
    const run = await backfill('interior', lines, '--chunk', '2');
    expect(run.status).toBe(3);

    expect(run.rejects.map((r) => [r.line, r.issues.map((i) => [i.path, i.rule])])).toEqual([
      [3, [['', 'json']]],
      [4, [expect.arrayContaining(['/subjectId'])]],
      [6, [['/version', 'type']]],
    ]);
    // The refused line is kept as it was, to be fixed and loaded again.
    expect(run.rejects[1]!.text).toBe(lines[3]);

    // Visible at the gateway, and the death reached transport, whose reaction came back.
    const after = await until(
      deceased,
      (c) => c.person?.alive === false && c.vehicles.every((v) => v.ownerDeceased),
    );
    expect(after.vehicles).toEqual([{ plateNumber: plate, ownerDeceased: true }]);
    expect((await lookup(widow))?.person).not.toBeNull();

    const [entry, ...more] = await backfillEntries(since);
    expect(more).toEqual([]);
    expect(entry).toEqual({
      kind: 'backfill',
      actorClient: 'ops-1',
      actorAgency: 'operator',
      subjectId: null,
      purpose: null,
      details: {
        adapter: 'interior',
        file: path.basename(run.file),
        sha256: createHash('sha256').update(fs.readFileSync(run.file)).digest('hex'),
        outcome: 'completed',
        lines: 6,
        written: 3,
        unchanged: 0,
        rejected: 3,
        readModelApplied: 3,
        leftToRelay: 0,
        recordTypes: { 'person@1': 2, 'civil-event@1': 1 },
      },
    });
    // Counts, lines, paths and rules on the console: never a national id.
    const console = output.join('');
    expect(console).toMatch(/6 lines in all .*3 written and published, 0 unchanged, 3 refused/);
    expect(console).toMatch(/line 4: \/subjectId/);
    for (const id of [deceased, widow, typo]) expect(console).not.toContain(id);
    expect(JSON.stringify(entry)).not.toContain(deceased);
  });

  it('changes nothing when run again, and never lets an older version overwrite a newer', async () => {
    const id = newNationalId();
    const twice = newNationalId();
    const lines = [
      JSON.stringify(person(id, { dateOfBirth: '1985-01-01' }, 1)),
      // The same record twice in one file: the newer version wins wherever it is.
      JSON.stringify(person(twice, { dateOfBirth: '1990-05-05' }, 5)),
      JSON.stringify(person(twice, { dateOfBirth: '1980-04-04' }, 4)),
    ];
    const first = await backfill('interior', lines);
    expect(first.status).toBe(0);
    await until(twice, (c) => c.person !== null);
    expect((await lookup(twice))?.person?.dateOfBirth).toBe('1990-05-05');

    const stored = () =>
      stack.db.database.query<{ version: string; applied: Date }>(
        `SELECT version, applied_at AS applied FROM read_record WHERE record_id = ANY($1) ORDER BY record_id`,
        [[`MOI-P-${id}`, `MOI-P-${twice}`]],
      );
    const before = await stored();
    const since = await lastAuditSeq(stack.db.database);
    const again = await backfill('interior', lines);
    expect(again.status).toBe(0);
    expect(await stored()).toEqual(before);
    const [entry] = await backfillEntries(since);
    expect(entry!.details).toMatchObject({ written: 0, unchanged: 3, rejected: 0 });

    // The intake publishes version 2; a backfill of version 1 with other content is older: left alone.
    const newer = await stack.publishAs('interior', [person(id, { dateOfBirth: '1986-02-02' }, 2)]);
    expect(newer.status).toBe(202);
    await until(id, (c) => c.person?.dateOfBirth === '1986-02-02');
    const older = await backfill('interior', [
      JSON.stringify(person(id, { dateOfBirth: '1970-07-07' }, 1)),
      // The kept version with other content: a conflict, refused by line.
      JSON.stringify(person(id, { dateOfBirth: '1971-08-08' }, 2)),
    ]);
    expect(older.status).toBe(3);
    expect(older.rejects.map((r) => [r.line, r.issues.map((i) => [i.path, i.rule])])).toEqual([
      [2, [['/version', 'version-taken']]],
    ]);
    expect(output.join('')).toMatch(
      /2 lines in all .*0 written and published, 1 unchanged, 1 refused/,
    );
    expect((await lookup(id))?.person?.dateOfBirth).toBe('1986-02-02');
  });

  it('loses nothing and sends nothing twice when the run dies mid-chunk and is run again', async () => {
    const people = Array.from({ length: 6 }, () => newNationalId());
    const lines = people.map((id) => JSON.stringify(person(id)));
    const recordIds = people.map((id) => `MOI-P-${id}`);
    /** Per record of the file: [in the store, in the read model, times on the log]. */
    const where = async (): Promise<Array<[boolean, boolean, number]>> => {
      const rows = await stack.db.database.query<{
        id: string;
        kept: boolean;
        read: boolean;
        logged: number;
      }>(
        `SELECT id,
                EXISTS (SELECT 1 FROM adapter_record a WHERE a.adapter = 'interior' AND a.record_id = id) AS kept,
                EXISTS (SELECT 1 FROM read_record r WHERE r.record_type = 'person' AND r.record_id = id) AS read,
                (SELECT count(*)::int FROM bus_message m
                  WHERE convert_from(m.value, 'UTF8')::jsonb ->> 'recordId' = id) AS logged
         FROM unnest($1::text[]) WITH ORDINALITY AS x(id, n) ORDER BY n`,
        [recordIds],
      );
      return rows.map((row) => [row.kept, row.read, row.logged]);
    };
    // The second chunk is appended to the log, then the connection dies before COMMIT.
    const append = BackfillStageRepository.prototype.appendToLog;
    let calls = 0;
    jest.spyOn(BackfillStageRepository.prototype, 'appendToLog').mockImplementation(async function (
      this: BackfillStageRepository,
      tx,
      log,
    ) {
      const appended = await append.call(this, tx, log);
      if (++calls === 2) await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      return appended;
    });
    const killed = await backfill('interior', lines, '--chunk', '2');
    expect(killed.status).toBe(1);
    expect(calls).toBe(2);
    expect(await where()).toEqual([
      [true, true, 1],
      [true, true, 1],
      [false, false, 0],
      [false, false, 0],
      [false, false, 0],
      [false, false, 0],
    ]);

    const since = await lastAuditSeq(stack.db.database);
    const again = await backfill('interior', lines, '--chunk', '2');
    expect(again.status).toBe(0);
    expect(await where()).toEqual(people.map(() => [true, true, 1]));
    const [entry] = await backfillEntries(since);
    expect(entry!.details).toMatchObject({ written: 4, unchanged: 2, leftToRelay: 0 });
    for (const id of people) await until(id, (c) => c.person !== null);
  });

  it('leaves a record whose key has an older message waiting in the outbox to the relay, in order', async () => {
    const [waits, free] = [newNationalId(), newNationalId()];
    const db = stack.db.database;
    // An older message of `waits`, held by someone else's lease for now.
    const [older] = await db.query<{ id: string }>(
      `INSERT INTO adapter_outbox (adapter, topic, message_key, value, claimed_until)
       VALUES ('interior', 'person', $1, '\\x7b7d', now() + interval '1 hour') RETURNING id`,
      [waits],
    );
    const since = await lastAuditSeq(db);
    const run = await backfill('interior', [
      JSON.stringify(person(waits)),
      JSON.stringify(person(free)),
    ]);
    expect(run.status).toBe(0);
    const [entry] = await backfillEntries(since);
    expect(entry!.details).toMatchObject({ written: 2, leftToRelay: 1 });
    const logged = (id: string) =>
      db.query(
        `SELECT 1 FROM bus_message WHERE convert_from(value, 'UTF8')::jsonb ->> 'recordId' = $1`,
        [`MOI-P-${id}`],
      );
    expect(await logged(free)).toHaveLength(1);
    expect(await logged(waits)).toHaveLength(0);
    const queued = await db.query<{ id: string }>(
      `SELECT id FROM adapter_outbox WHERE adapter = 'interior' AND message_key = $1 ORDER BY id`,
      [waits],
    );
    expect(queued.map((row) => row.id)).toEqual([older!.id, expect.any(String)]);
    // The older one gone, the relay sends what the backfill left it.
    await db.query(`DELETE FROM adapter_outbox WHERE id = $1`, [older!.id]);
    const started = performance.now();
    while ((await logged(waits)).length === 0 && performance.now() - started < 15_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await logged(waits)).toHaveLength(1);
  });

  it('refuses an adapter that is not approved, and a record type it does not publish', async () => {
    const since = await lastAuditSeq(stack.db.database);
    const id = newNationalId();
    const car = fixture('vehicle-registration', 'car-in-phnom-penh');
    const vehicle = record('vehicle-registration', `2C-${suffix()}`, id, {
      ...car,
      owner: { nationalId: id },
      ownerDeceased: false,
    });
    const undeclared = await backfill('interior', [
      JSON.stringify(person(id)),
      JSON.stringify(vehicle),
    ]);
    expect(undeclared.status).toBe(1);
    expect(output.join('')).toMatch(
      /backfill refused: line 2: the interior adapter does not publish vehicle-registration records/,
    );
    expect(await lookup(id)).toBeNull();

    await new AdapterRegistryService(stack.db.database, stack.audit).suspend(
      { clientId: 'steward-1', agencyId: 'interop', role: 'steward' },
      'land',
      'audit of its exports',
    );
    const suspended = await backfill('land', ['{}']);
    expect(suspended.status).toBe(1);
    expect(output.join('')).toMatch(/backfill refused: .*land.*suspended/);

    const entries = await backfillEntries(since);
    expect(entries.map((e) => [e.details.adapter, e.details.outcome, e.details.written])).toEqual([
      ['interior', 'refused', 0],
      ['land', 'refused', 0],
    ]);
    const refusals = await auditEntriesSince(stack.db.database, ['adapter-refusal'], since);
    expect(refusals.map((e) => e.details.adapter)).toEqual(['interior', 'land']);
  });
});
