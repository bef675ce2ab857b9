// Only what an approved adapter signed is applied, whoever can write to the
// log. Records are put onto the log around every adapter — straight into the
// embedded bus's tables, or with a plain Kafka producer — unsigned, forged,
// signed over other bytes, signed with a key that is not the claimed source's,
// with a proposed or revoked key, or by a source not approved to publish them;
// properly signed ones are interleaved. Only the proper ones are served, and
// each other one is a dead letter with the right code, visible to stewards
// with its topic and partition, counted in /metrics, and replayable once the
// cause is fixed. Run unchanged on both transports.
import {
  createPublicKey,
  generateKeyPairSync,
  randomInt,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AdapterKeyService, type AdapterActor } from '#spean/adapter-registry';
import { topicFor } from '#spean/bus';
import {
  PROOF_HEADER,
  VerhoeffNationalIdScheme,
  publicKeyPem,
  recordSigner,
  signedHeaders,
  signValues,
  withSignature,
} from '#spean/contracts';
import { adaptersCommand } from '../../tools/adapters-command.js';
import { startStack, type SpeanStack, type Transport } from '../support/spean-stack.js';
import { eventually } from '../support/eventually.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));
const STEWARD: AdapterActor = {
  clientId: 'test-steward',
  agencyId: 'interop-office',
  role: 'steward',
};

/** A message as a plain client puts it on the log: no namespace, no adapter. */
export interface RawMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** How the suite writes onto the log around every adapter, for one transport. */
export interface RawLog {
  put(stack: SpeanStack, messages: RawMessage[]): Promise<void>;
  close(): Promise<void>;
}

const LOOKUP = `query($id: ID!) { citizen(nationalId: $id, purpose: "social-assistance") {
  person { name { latin { familyName } } } } }`;
const LETTERS = `query($group: String, $recordType: String) {
  deadLetters(group: $group, recordType: $recordType) {
    id group topic partition code reason source status } }`;
const REPLAY = `mutation($ids: [ID!]) { replayDeadLetters(ids: $ids) { requested } }`;

interface Letter {
  id: string;
  group: string;
  topic: string;
  partition: number;
  code: string;
  reason: string;
  source: string | null;
  status: string;
}

function person(nationalId: string, source: string, familyName = 'Sok'): Buffer {
  return Buffer.from(
    JSON.stringify({
      recordType: 'person',
      schemaVersion: 1,
      recordId: `MOI-P-${nationalId}`,
      subjectId: nationalId,
      version: 1,
      op: 'upsert',
      source,
      eventId: randomUUID(),
      occurredAt: '2026-12-01T09:30:00+07:00',
      payload: {
        nationalId,
        name: {
          khmer: { familyName: 'សុខ', givenName: 'ចាន់ថា' },
          latin: { familyName, givenName: 'Chantha' },
        },
        sex: 'female',
        dateOfBirth: '1990-04-14',
        placeOfBirth: { province: { code: '12', khmer: 'រាជធានីភ្នំពេញ', latin: 'Phnom Penh' } },
        idCardNumber: '010203040',
        alive: true,
      },
    }),
  );
}

const headers = (source: string): Record<string, string> => ({
  'record-type': 'person',
  'schema-version': '1',
  source,
});

function unsigned(nationalId: string, source = 'interior'): RawMessage {
  return {
    topic: topicFor('person'),
    key: nationalId,
    value: person(nationalId, source),
    headers: headers(source),
  };
}

function signed(key: KeyObject, nationalId: string, source = 'interior'): RawMessage {
  const value = person(nationalId, source);
  return {
    topic: topicFor('person'),
    key: nationalId,
    value,
    headers: signedHeaders(recordSigner(key), value, headers(source)),
  };
}

export function signedRecordsSuite(transport: Transport, label: string, log: () => RawLog): void {
  describe(`signed records (${transport} bus)`, () => {
    let stack: SpeanStack;
    let raw: RawLog;
    let agency: string;
    let steward: string;
    let keys: AdapterKeyService;

    beforeAll(async () => {
      stack = await startStack(transport, label);
      raw = log();
      keys = new AdapterKeyService(stack.db.database, stack.audit);
      [agency, steward] = await Promise.all([
        stack.token(stack.agency),
        stack.token(stack.steward),
      ]);
    });
    afterAll(async () => {
      await raw?.close();
      await stack?.close();
    });

    const served = async (nationalId: string): Promise<string | null> => {
      const response = await stack.graphql<{
        citizen: { person: { name: { latin: { familyName: string } } } | null } | null;
      }>(agency, LOOKUP, { id: nationalId });
      expect(response.errors).toBeUndefined();
      return response.data?.citizen?.person?.name.latin.familyName ?? null;
    };
    const letters = async (group: string, recordType = 'person'): Promise<Letter[]> => {
      const response = await stack.graphql<{ deadLetters: Letter[] }>(steward, LETTERS, {
        group,
        recordType,
      });
      expect(response.errors).toBeUndefined();
      return response.data?.deadLetters ?? [];
    };

    it('applies only properly signed records; every other one is a dead letter with its reason', async () => {
      const interior = stack.signingKeys.interior;
      const transportKey = stack.signingKeys.transport;
      // A second interior key, approved (the first keeps verifying through the overlap), then revoked.
      const revokedKey = generateKeyPairSync('ed25519').privateKey;
      const revoked = await keys.propose(
        STEWARD,
        'interior',
        publicKeyPem(createPublicKey(revokedKey)),
      );
      await keys.approve(STEWARD, revoked.keyId, 'rotation test', 24);
      await keys.revoke(STEWARD, revoked.keyId, 'key leaked');
      // A key proposed for interior but never approved.
      const proposedKey = generateKeyPairSync('ed25519').privateKey;
      await keys.propose(STEWARD, 'interior', publicKeyPem(createPublicKey(proposedKey)));
      // An approved key of an adapter nobody registered.
      const ghostKey = generateKeyPairSync('ed25519').privateKey;
      const ghost = await keys.propose(STEWARD, 'ghost', publicKeyPem(createPublicKey(ghostKey)));
      await keys.approve(STEWARD, ghost.keyId, 'test: a key whose adapter is not registered');

      const citizens = Array.from({ length: 12 }, newNationalId);
      const [
        first,
        noSignature,
        forged,
        altered,
        otherKey,
        unknownKey,
        proposed,
        revokedOne,
        notApproved,
        unregistered,
        ghostClaim,
        last,
      ] = citizens as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const forgedMessage = signed(interior, forged);
      forgedMessage.headers.signature = Buffer.alloc(64, 9).toString('base64url');
      const alteredMessage = signed(interior, altered);
      alteredMessage.value = person(altered, 'interior', 'Forged');
      const expected: Array<[string, string]> = [
        [noSignature, 'unsigned'],
        [forged, 'bad-signature'],
        [altered, 'bad-signature'],
        [otherKey, 'unknown-key'],
        [unknownKey, 'unknown-key'],
        [proposed, 'unknown-key'],
        [revokedOne, 'unknown-key'],
        [notApproved, 'source-not-approved'],
        [unregistered, 'source-not-approved'],
        [ghostClaim, 'unknown-key'],
      ];
      await raw.put(stack, [
        signed(interior, first),
        unsigned(noSignature),
        forgedMessage,
        alteredMessage,
        // A real signature, by the transport adapter, over a record claiming interior.
        signed(transportKey, otherKey),
        signed(generateKeyPairSync('ed25519').privateKey, unknownKey),
        signed(proposedKey, proposed),
        signed(revokedKey, revokedOne),
        // The transport adapter's own approved key and name, but it may not publish persons.
        signed(transportKey, notApproved, 'transport'),
        signed(ghostKey, unregistered, 'ghost'),
        // A source not registered at all, signed with the interior key.
        signed(interior, ghostClaim, 'ghost'),
        signed(interior, last),
      ]);

      await expect(
        eventually(
          () => served(last),
          (name) => name !== null,
        ),
      ).resolves.toBe('Sok');
      await expect(served(first)).resolves.toBe('Sok');
      const gateway = await eventually(
        () => letters('gateway'),
        (found) => found.length >= expected.length,
      );
      for (const [nationalId] of expected) await expect(served(nationalId)).resolves.toBeNull();
      expect(gateway).toHaveLength(expected.length);
      const codes = gateway.map((letter) => letter.code).sort();
      expect(codes).toEqual(expected.map(([, code]) => code).sort());
      for (const letter of gateway) {
        expect(letter.status).toBe('open');
        // The steward sees where it arrived; no national id is shown.
        expect(letter.topic).toBe('spean.person');
        expect(letter.partition).toBeGreaterThanOrEqual(0);
        expect(letter.partition).toBeLessThan(4);
        expect(letter.reason).toContain(`spean.person partition ${letter.partition} offset `);
        for (const nationalId of citizens) expect(letter.reason).not.toContain(nationalId);
      }

      const metrics = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
      for (const code of ['unsigned', 'bad-signature', 'unknown-key', 'source-not-approved']) {
        expect(metrics).toMatch(
          new RegExp(
            `spean_records_refused_total\\{[^}]*reason="${code}"[^}]*group="gateway"[^}]*\\} [1-9]`,
          ),
        );
      }
    });

    it('applies each record of a batch signed once on its own proof; a record altered, given another proof, or stripped of its proof is refused', async () => {
      const citizens = Array.from({ length: 6 }, newNationalId);
      const signer = recordSigner(stack.signingKeys.interior);
      const values = citizens.map((nationalId) => person(nationalId, 'interior'));
      const batch: RawMessage[] = signValues(signer, values).map((signature, i) => ({
        topic: topicFor('person'),
        key: citizens[i]!,
        value: values[i]!,
        headers: withSignature(signer.keyId, signature, headers('interior')),
      }));
      expect(new Set(batch.map((message) => message.headers.signature)).size).toBe(1);
      const [, altered, otherProof, noProof] = batch as [
        RawMessage,
        RawMessage,
        RawMessage,
        RawMessage,
      ];
      altered.value = person(citizens[1]!, 'interior', 'Forged');
      otherProof.headers = {
        ...otherProof.headers,
        [PROOF_HEADER]: batch[4]!.headers[PROOF_HEADER]!,
      };
      delete noProof.headers[PROOF_HEADER];
      const before = new Set((await letters('gateway')).map((letter) => letter.id));
      await raw.put(stack, batch);

      await expect(
        eventually(
          () => served(citizens[5]!),
          (name) => name !== null,
        ),
      ).resolves.toBe('Sok');
      for (const i of [0, 4]) await expect(served(citizens[i]!)).resolves.toBe('Sok');
      const found = await eventually(
        () => letters('gateway'),
        (all) => all.filter((letter) => !before.has(letter.id)).length >= 3,
      );
      const added = found.filter((letter) => !before.has(letter.id));
      expect(added.map((letter) => letter.code)).toEqual([
        'bad-signature',
        'bad-signature',
        'bad-signature',
      ]);
      for (const i of [1, 2, 3]) await expect(served(citizens[i]!)).resolves.toBeNull();
    });

    it('refuses an unsigned life event in every adapter that reacts to it, too', async () => {
      const nationalId = newNationalId();
      const value = Buffer.from(
        JSON.stringify({
          recordType: 'civil-event',
          schemaVersion: 1,
          recordId: `CE-${randomUUID()}`,
          subjectId: nationalId,
          version: 1,
          op: 'upsert',
          source: 'interior',
          eventId: randomUUID(),
          occurredAt: '2026-12-01T10:00:00+07:00',
          payload: { eventType: 'death', subject: { nationalId }, date: '2026-11-30' },
        }),
      );
      await raw.put(stack, [
        {
          topic: topicFor('civil-event'),
          key: nationalId,
          value,
          headers: { 'record-type': 'civil-event', 'schema-version': '1', source: 'interior' },
        },
      ]);
      for (const group of ['commerce', 'tax', 'transport']) {
        const found = await eventually(
          () => letters(group, 'civil-event'),
          (list) => list.length > 0,
        );
        expect(found.map((letter) => letter.code)).toEqual(['unsigned']);
      }
    });

    it('applies a refused record once a steward approves its key and replays it', async () => {
      const nextKey = generateKeyPairSync('ed25519').privateKey;
      const next = await keys.propose(STEWARD, 'interior', publicKeyPem(createPublicKey(nextKey)));
      const nationalId = newNationalId();
      await raw.put(stack, [signed(nextKey, nationalId)]);
      const refused = await eventually(
        async () => (await letters('gateway')).filter((l) => l.reason.includes(next.keyId)),
        (list) => list.length > 0,
      );
      expect(refused.map((letter) => letter.code)).toEqual(['unknown-key']);
      await expect(served(nationalId)).resolves.toBeNull();

      await keys.approve(STEWARD, next.keyId, 'the interior adapter rotates its key', 24);
      const replay = await stack.graphql<{ replayDeadLetters: { requested: number } }>(
        steward,
        REPLAY,
        { ids: refused.map((letter) => letter.id) },
      );
      expect(replay.data?.replayDeadLetters.requested).toBe(1);
      await expect(
        eventually(
          () => served(nationalId),
          (name) => name !== null,
        ),
      ).resolves.toBe('Sok');
      // The old key keeps verifying through the overlap the steward gave.
      const later = newNationalId();
      await raw.put(stack, [signed(stack.signingKeys.interior, later)]);
      await expect(
        eventually(
          () => served(later),
          (name) => name !== null,
        ),
      ).resolves.toBe('Sok');
    });

    it('shows stewards what was refused, by claimed source, topic and partition, in GraphQL and the CLI', async () => {
      const REFUSED = `{ refusedRecords { claimedSource topic partition code count groups }
        adapters { name refusedRecords } }`;
      type Refused = {
        refusedRecords: Array<{
          claimedSource: string | null;
          topic: string;
          partition: number;
          code: string;
          count: number;
          groups: string[];
        }>;
        adapters: Array<{ name: string; refusedRecords: number }>;
      };
      const answer = await stack.graphql<Refused>(steward, REFUSED);
      expect(answer.errors).toBeUndefined();
      const refused = answer.data!.refusedRecords;
      const unsignedPersons = refused.filter(
        (entry) => entry.code === 'unsigned' && entry.topic === 'spean.person',
      );
      expect(unsignedPersons).toHaveLength(1);
      expect(unsignedPersons[0]).toMatchObject({ claimedSource: 'interior', groups: ['gateway'] });
      expect(unsignedPersons[0]!.partition).toBeGreaterThanOrEqual(0);
      expect(refused.some((entry) => entry.claimedSource === 'ghost')).toBe(true);
      const interior = answer.data!.adapters.find((adapter) => adapter.name === 'interior')!;
      expect(interior.refusedRecords).toBeGreaterThanOrEqual(6);
      const forbidden = await stack.graphql(agency, REFUSED);
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const table = jest.spyOn(console, 'table').mockImplementation(() => undefined);
      const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        expect(await adaptersCommand(['list'], stack.db.database, stack.cliEnv())).toBe(0);
        const [adapters, refusals] = table.mock.calls.map(
          (call) => call[0] as Array<Record<string, unknown>>,
        );
        expect(adapters!.find((row) => row.name === 'interior')!.refused).toBe(
          interior.refusedRecords,
        );
        expect(refusals).toContainEqual(
          expect.objectContaining({
            claimedSource: 'interior',
            topic: 'spean.person',
            partition: unsignedPersons[0]!.partition,
            reason: 'unsigned',
            groups: 'gateway',
          }),
        );
        expect(await adaptersCommand(['keys', 'interior'], stack.db.database, stack.cliEnv())).toBe(
          0,
        );
        const keyRows = table.mock.calls[2]![0] as Array<Record<string, unknown>>;
        expect(keyRows.map((row) => row.state)).toEqual(
          expect.arrayContaining(['approved', 'revoked', 'proposed']),
        );
      } finally {
        table.mockRestore();
        out.mockRestore();
      }
    });

    it('lets a steward approve and revoke a key over GraphQL; a revoked key stops verifying at once', async () => {
      const APPROVE = `mutation($k: String!, $r: String!, $h: Float) {
        approveAdapterKey(keyId: $k, reason: $r, overlapHours: $h) { keyId state } }`;
      const REVOKE = `mutation($k: String!, $r: String!) {
        revokeAdapterKey(keyId: $k, reason: $r) { keyId state decisionReason } }`;
      const key = generateKeyPairSync('ed25519').privateKey;
      const proposed = await keys.propose(STEWARD, 'interior', publicKeyPem(createPublicKey(key)));

      const byAgency = await stack.graphql(agency, APPROVE, { k: proposed.keyId, r: 'ok' });
      expect(byAgency.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const badOverlap = await stack.graphql(steward, APPROVE, {
        k: proposed.keyId,
        r: 'ok',
        h: -1,
      });
      expect(badOverlap.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'overlapHours',
      });
      const unknown = await stack.graphql(steward, APPROVE, { k: 'no-such-key', r: 'ok' });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const approved = await stack.graphql<{ approveAdapterKey: { state: string } }>(
        steward,
        APPROVE,
        { k: proposed.keyId, r: 'rotation', h: 24 },
      );
      expect(approved.data?.approveAdapterKey.state).toBe('approved');
      const before = newNationalId();
      await raw.put(stack, [signed(key, before)]);
      await expect(
        eventually(
          () => served(before),
          (name) => name !== null,
        ),
      ).resolves.toBe('Sok');

      const revoked = await stack.graphql<{ revokeAdapterKey: { state: string } }>(
        steward,
        REVOKE,
        { k: proposed.keyId, r: 'the key file was copied' },
      );
      expect(revoked.data?.revokeAdapterKey.state).toBe('revoked');
      const after = newNationalId();
      const control = newNationalId();
      await raw.put(stack, [signed(key, after), signed(stack.signingKeys.interior, control)]);
      await expect(
        eventually(
          () => served(control),
          (name) => name !== null,
        ),
      ).resolves.toBe('Sok');
      await expect(served(after)).resolves.toBeNull();
      const refusedLetters = await eventually(
        async () =>
          (await letters('gateway')).filter((letter) => letter.reason.includes(proposed.keyId)),
        (list) => list.length > 0,
      );
      expect(refusedLetters.map((letter) => letter.code)).toEqual(['unknown-key']);
      expect(refusedLetters[0]!.reason).toContain('was revoked: the key file was copied');
      const [audit] = await stack.db.database.query<{ details: Record<string, unknown> }>(
        `SELECT details FROM audit_entry WHERE kind = 'adapter-registration'
         AND details->>'keyId' = $1 ORDER BY seq DESC LIMIT 1`,
        [proposed.keyId],
      );
      expect(audit?.details).toMatchObject({
        action: 'key-revoked',
        adapter: 'interior',
        reason: 'the key file was copied',
      });
    });
  });
}
