// Records published before adapters signed theirs: those on their way when
// signing began are refused as `unsigned`; `spean adapters resign` signs the
// ones that are provably the adapter's own (exactly what its store kept) and
// replays them, and leaves anything else claiming its name refused. Outbox
// rows kept before signing are signed where they wait.
import { createPublicKey, generateKeyPairSync, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AdapterKeyService, type AdapterActor } from '#spean/adapter-registry';
import { AdapterRecordRepository, OutboxRepository, UnsignedRecords } from '#spean/adapter-sdk';
import { topicFor } from '#spean/bus';
import {
  VerhoeffNationalIdScheme,
  publicKeyPem,
  recordSigner,
  signatureHolds,
} from '#spean/contracts';
import { DeadLetterRepository, DeadLetterService } from '#spean/dead-letters';
import { Metrics } from '#spean/observability';
import { adaptersCommand } from '../../tools/adapters-command.js';
import { personRecord } from '../citizen/citizen-lookup.suite.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';
import { eventually } from '../support/eventually.js';

const ids = new VerhoeffNationalIdScheme();
const STEWARD: AdapterActor = {
  clientId: 'test-steward',
  agencyId: 'interop-office',
  role: 'steward',
};
const LOOKUP = `query($id: ID!) { citizen(nationalId: $id, purpose: "social-assistance") {
  person { name { latin { familyName } } } } }`;
const LETTERS = `{ deadLetters(group: "gateway", code: "unsigned", status: "open") { id recordId } }`;

describe('re-signing what was published before signing', () => {
  let stack: SpeanStack;
  let agency: string;
  let steward: string;
  let keyDir: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'unsigned_records');
    [agency, steward] = await Promise.all([stack.token(stack.agency), stack.token(stack.steward)]);
    keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-resign-'));
  });
  afterAll(async () => {
    fs.rmSync(keyDir, { recursive: true, force: true });
    await stack?.close();
  });

  const familyName = async (nationalId: string): Promise<string | null> => {
    const response = await stack.graphql<{
      citizen: { person: { name: { latin: { familyName: string } } } | null } | null;
    }>(agency, LOOKUP, { id: nationalId });
    return response.data?.citizen?.person?.name.latin.familyName ?? null;
  };

  it("signs and replays the adapter's own refused records, and leaves others in its name refused", async () => {
    const own = ids.fromSerial(randomInt(0, ids.capacity));
    const forged = ids.fromSerial(randomInt(0, ids.capacity));
    // The interior adapter kept version 1 of this person just before signing began …
    const record = {
      ...personRecord(own, 1, {
        name: {
          khmer: { familyName: 'កែវ', givenName: 'ដារា' },
          latin: { familyName: 'Keo', givenName: 'Dara' },
        },
      }),
      source: 'interior',
      eventId: randomUUID(),
    };
    await new AdapterRecordRepository(stack.db.database, 'interior').save([
      {
        recordType: 'person',
        recordId: record.recordId,
        subjectId: own,
        relatedSubjects: [],
        version: 1,
        schemaVersion: 1,
        deleted: false,
        payload: record.payload,
        eventId: record.eventId,
        occurredAt: record.occurredAt,
      },
    ]);
    // … and its unsigned message reached the log after: refused. So is one someone else wrote in its name.
    const impostor = { ...personRecord(forged), source: 'interior', eventId: randomUUID() };
    await stack.bus.publish(
      [record, impostor].map((each) => ({
        topic: topicFor('person'),
        key: each.subjectId,
        value: Buffer.from(JSON.stringify(each)),
        headers: { 'record-type': 'person', 'schema-version': '1', source: 'interior' },
      })),
    );
    type Letters = { deadLetters: Array<{ id: string; recordId: string }> };
    const refused = await eventually(
      async () => (await stack.graphql<Letters>(steward, LETTERS)).data?.deadLetters ?? [],
      (letters) => letters.length >= 2,
    );
    expect(refused).toHaveLength(2);
    await expect(familyName(own)).resolves.toBeNull();

    const keyFile = path.join(keyDir, 'interior.ed25519.pem');
    fs.writeFileSync(keyFile, stack.signingKeys.interior.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
    });
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(
        await adaptersCommand(
          ['resign', 'interior', '--key-file', keyFile],
          stack.db.database,
          stack.cliEnv(),
        ),
      ).toBe(0);
      const said = out.mock.calls.join('');
      expect(said).toContain('1 refused record(s) replayed');
      expect(said).toContain('1 refused record(s) claiming interior are not what it published');
    } finally {
      out.mockRestore();
    }
    await expect(
      eventually(
        () => familyName(own),
        (name) => name !== null,
      ),
    ).resolves.toBe('Keo');
    const left = (await stack.graphql<Letters>(steward, LETTERS)).data?.deadLetters ?? [];
    expect(left).toHaveLength(1);
    expect(left[0]!.recordId).not.toContain(own);
    await expect(familyName(forged)).resolves.toBeNull();
  });

  it('refuses to sign with a key the registry would not accept', async () => {
    const keyFile = path.join(keyDir, 'stranger.pem');
    fs.writeFileSync(
      keyFile,
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }),
    );
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await adaptersCommand(
          ['resign', 'interior', '--key-file', keyFile],
          stack.db.database,
          stack.cliEnv(),
        ),
      ).toBe(2);
      expect(err.mock.calls.join('')).toContain('is not registered for interior');
    } finally {
      err.mockRestore();
    }
  });

  it('signs outbox rows kept before signing, where they wait', async () => {
    // An adapter that is not running, so no relay sends the row meanwhile.
    const key = generateKeyPairSync('ed25519').privateKey;
    const keys = new AdapterKeyService(stack.db.database, stack.audit);
    const proposed = await keys.propose(STEWARD, 'archive', publicKeyPem(createPublicKey(key)));
    await keys.approve(STEWARD, proposed.keyId, 'test');
    const outbox = new OutboxRepository(stack.db.database, 'archive');
    const value = Buffer.from(JSON.stringify({ recordType: 'person', source: 'archive' }));
    // Bytes shaped like a batch signature's root: signing them would sign a batch of anything.
    const rootLike = Buffer.concat([Buffer.from('spean record batch v1\n'), Buffer.alloc(32, 7)]);
    await stack.db.database.transaction((tx) =>
      outbox.add(
        tx,
        [
          { topic: topicFor('person'), key: 'j', value: rootLike, headers: { source: 'archive' } },
          { topic: topicFor('person'), key: 'k', value, headers: { source: 'archive' } },
        ],
        0,
      ),
    );
    const letters = new DeadLetterRepository(stack.db.database);
    const report = await new UnsignedRecords(
      'archive',
      recordSigner(key),
      new AdapterRecordRepository(stack.db.database, 'archive'),
      outbox,
      letters,
      new DeadLetterService(letters, new Metrics('test')),
    ).resign('test');
    expect(report).toEqual({ outbox: 1, replayed: 0, leftRefused: 0 });
    const [left, row] = await outbox.claim(10, 1_000);
    expect(left!.message.headers).toEqual({ source: 'archive' });
    expect(row!.message.headers).toMatchObject({ source: 'archive', 'key-id': proposed.keyId });
    await expect(
      signatureHolds(createPublicKey(key), row!.message.value, row!.message.headers!.signature!),
    ).resolves.toBe(true);
  });
});
