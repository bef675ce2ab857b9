// The life of a credential, end to end on a real database and real HTTP:
// created (GraphQL and the CLI), secret shown once and stored only as a scrypt
// hash, rotated with an overlap in which both secrets work, revoked at once —
// the token endpoint refuses it, and tokens already issued are refused by the
// gateway and by an adapter within seconds. Citizens are parties whose token
// names only their client, the national id resolved by the gateway; every change is in the audit log, without
// a secret; and the role checks hold.
import os from 'node:os';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verhoeffCheckDigit } from '#spean/contracts';
import { CLIENT_HELP, clientCommand } from '../../tools/client-command.js';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';

const CITIZEN = '4016698706';
const OTHER_CITIZEN = '9004795437';
/** Valid ids of citizens no other test here uses. */
const withCheckDigit = (nine: string): string => `${nine}${verhoeffCheckDigit(nine)}`;
const CITIZEN_WITHOUT_RIGHTS = withCheckDigit('512345678');
const COUNTER_CITIZEN = withCheckDigit('623456789');

const CREATE = `mutation($input: NewClientInput!) {
  createClient(input: $input) { clientId clientSecret previousSecretValidUntil }
}`;
const ROTATE = `mutation($id: ID!, $hours: Int, $reason: String) {
  rotateClientSecret(clientId: $id, overlapHours: $hours, reason: $reason) {
    clientId clientSecret previousSecretValidUntil
  }
}`;
const REVOKE = `mutation($id: ID!, $reason: String!) {
  revokeClient(clientId: $id, reason: $reason) { clientId revokedAt revokedBy revokeReason }
}`;
const LIST = `query($agency: String) {
  clients(agencyId: $agency) {
    clientId agencyId agencyName name role adapter maskedNationalId createdAt rotatedAt
    previousSecretValidUntil revokedAt revokedBy revokeReason
  }
}`;

const OWN_LOG = `query($id: ID!) { accessLog(nationalId: $id) { nextCursor } }`;

interface Secret {
  clientId: string;
  clientSecret: string;
  previousSecretValidUntil: string | null;
}

interface AuditRow {
  kind: string;
  actor_client: string;
  actor_agency: string;
  subject_id: string | null;
  details: Record<string, unknown>;
}

describe('credentials', () => {
  let stack: SpeanStack;
  let steward: string;
  let integrator: string;
  let agency: string;
  let auditor: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'credentials');
    [steward, integrator, agency, auditor] = await Promise.all(
      [stack.steward, stack.integrator, stack.agency, stack.auditor].map((c) => stack.token(c)),
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** The token endpoint's status for these credentials, and the token when it issues one. */
  async function exchange(clientId: string, clientSecret: string) {
    const response = await fetch(`${stack.gatewayUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    const body = (await response.json()) as { access_token?: string };
    return { status: response.status, token: body.access_token };
  }

  async function create(token: string, input: Record<string, unknown>): Promise<Secret> {
    const result = await stack.graphql<{ createClient: Secret }>(token, CREATE, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.createClient;
  }

  function errorOf(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
    expect(result.errors).toHaveLength(1);
    return result.errors![0]!.extensions!;
  }

  async function auditOf(clientId: string): Promise<AuditRow[]> {
    return stack.db.database.query<AuditRow>(
      `SELECT kind, actor_client, actor_agency, subject_id, details FROM audit_entry
       WHERE kind = 'credential-change' AND details->>'clientId' = $1 ORDER BY seq`,
      [clientId],
    );
  }

  function claimsOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
  }

  it('creates a client over GraphQL: the secret is shown once, stored only as a scrypt hash, and audited', async () => {
    const created = await create(steward, {
      role: 'agency',
      agencyId: 'moh',
      agencyName: 'Ministry of Health',
      name: 'Clinic registration desk',
      reason: 'new partner agency',
    });
    expect(created.clientId).toMatch(/^moh\.agency\.[0-9a-f]{8}$/);
    expect(created.clientSecret.length).toBeGreaterThanOrEqual(43);

    const [stored] = await stack.db.database.query<{ secret_hash: string; national_id: null }>(
      `SELECT secret_hash, national_id FROM client WHERE client_id = $1`,
      [created.clientId],
    );
    expect(stored!.secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored!.secret_hash).not.toContain(created.clientSecret);
    expect((await exchange(created.clientId, created.clientSecret)).status).toBe(200);

    // Never shown again: the list has no secret and no hash.
    const listed = await stack.graphql<{ clients: Array<Record<string, unknown>> }>(steward, LIST, {
      agency: 'moh',
    });
    expect(listed.data!.clients).toEqual([
      expect.objectContaining({
        clientId: created.clientId,
        agencyName: 'Ministry of Health',
        role: 'agency',
        maskedNationalId: null,
        revokedAt: null,
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);
    expect(JSON.stringify(listed)).not.toContain('scrypt$');

    const entries = await auditOf(created.clientId);
    expect(entries).toEqual([
      {
        kind: 'credential-change',
        actor_client: stack.steward.clientId,
        actor_agency: 'interop-office',
        subject_id: null,
        details: {
          action: 'created',
          clientId: created.clientId,
          role: 'agency',
          agency: 'moh',
          reason: 'new partner agency',
        },
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain(created.clientSecret);
  });

  it('rotates: both secrets work during the overlap, only the new one after it; a second rotation drops the oldest', async () => {
    const first = await create(steward, {
      role: 'agency',
      agencyId: 'mef',
      name: 'Payroll system',
    });
    // The normal case: the system rotates its own secret with a token of its own.
    const own = (await exchange(first.clientId, first.clientSecret)).token!;
    const before = Date.now();
    const rotated = await stack.graphql<{ rotateClientSecret: Secret }>(own, ROTATE, {
      id: first.clientId,
      hours: 2,
      reason: 'quarterly rotation',
    });
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data!.rotateClientSecret;
    expect(second.clientSecret).not.toBe(first.clientSecret);
    const until = Date.parse(second.previousSecretValidUntil!);
    expect(until).toBeGreaterThan(before + 2 * 3600_000 - 60_000);
    expect(until).toBeLessThan(Date.now() + 2 * 3600_000 + 60_000);

    expect((await exchange(first.clientId, first.clientSecret)).status).toBe(200);
    expect((await exchange(first.clientId, second.clientSecret)).status).toBe(200);
    expect((await exchange(first.clientId, 'not-the-secret')).status).toBe(401);

    // The overlap ends: only the new secret works.
    await stack.db.database.query(
      `UPDATE client SET previous_secret_expires_at = now() - interval '1 second' WHERE client_id = $1`,
      [first.clientId],
    );
    expect((await exchange(first.clientId, first.clientSecret)).status).toBe(401);
    expect((await exchange(first.clientId, second.clientSecret)).status).toBe(200);

    // Rotating twice within an overlap: the secret from before the first rotation stops at once.
    const third = (
      await stack.graphql<{ rotateClientSecret: Secret }>(steward, ROTATE, { id: first.clientId })
    ).data!.rotateClientSecret;
    const fourth = (
      await stack.graphql<{ rotateClientSecret: Secret }>(steward, ROTATE, { id: first.clientId })
    ).data!.rotateClientSecret;
    expect(Date.parse(fourth.previousSecretValidUntil!)).toBeGreaterThan(
      Date.now() + 23 * 3600_000,
    ); // the default overlap, 24 hours
    expect((await exchange(first.clientId, second.clientSecret)).status).toBe(401);
    expect((await exchange(first.clientId, third.clientSecret)).status).toBe(200);
    expect((await exchange(first.clientId, fourth.clientSecret)).status).toBe(200);

    // No overlap at all: the previous secret stops at once.
    const fifth = (
      await stack.graphql<{ rotateClientSecret: Secret }>(steward, ROTATE, {
        id: first.clientId,
        hours: 0,
      })
    ).data!.rotateClientSecret;
    expect(fifth.previousSecretValidUntil).toBeNull();
    expect((await exchange(first.clientId, fourth.clientSecret)).status).toBe(401);
    expect((await exchange(first.clientId, fifth.clientSecret)).status).toBe(200);

    const tooLong = await stack.graphql(steward, ROTATE, { id: first.clientId, hours: 169 });
    expect(errorOf(tooLong)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'overlapHours',
      rule: 'range',
    });

    const entries = await auditOf(first.clientId);
    expect(entries.map((entry) => entry.details.action)).toEqual([
      'created',
      'rotated',
      'rotated',
      'rotated',
      'rotated',
    ]);
    expect(entries[1]).toMatchObject({
      actor_client: first.clientId,
      actor_agency: 'mef',
      details: { overlapHours: 2, reason: 'quarterly rotation', role: 'agency', agency: 'mef' },
    });
    const text = JSON.stringify(entries);
    for (const secret of [first, second, third, fourth, fifth])
      expect(text).not.toContain(secret.clientSecret);
    expect(text).not.toContain('scrypt$');
  });

  it('revokes at once: no new token, and an issued token is refused by the gateway and an adapter within seconds', async () => {
    const created = await create(steward, {
      role: 'adapter',
      agencyId: 'interior',
      name: 'Second interior feed',
      adapter: 'interior',
    });
    const token = (await exchange(created.clientId, created.clientSecret)).token!;
    const gatewayStatus = async () => (await stack.graphql(token, '{ __typename }')).status;
    const adapterStatus = async () => (await stack.publish(token, [])).status;
    expect(await gatewayStatus()).toBe(200);
    expect(await adapterStatus()).not.toBe(401);

    const revoked = await stack.graphql<{ revokeClient: Record<string, unknown> }>(
      steward,
      REVOKE,
      { id: created.clientId, reason: 'feed retired' },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeClient).toMatchObject({
      clientId: created.clientId,
      revokedBy: stack.steward.clientId,
      revokeReason: 'feed retired',
    });
    const revokedAt = Date.now();
    expect((await exchange(created.clientId, created.clientSecret)).status).toBe(401);

    const refusedWithin = async (status: () => Promise<number>): Promise<number> => {
      while (Date.now() - revokedAt < 5000) {
        if ((await status()) === 401) return Date.now() - revokedAt;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the revoked token was still accepted after 5 s');
    };
    expect(await refusedWithin(gatewayStatus)).toBeLessThan(5000);
    expect(await refusedWithin(adapterStatus)).toBeLessThan(5000);

    expect(await auditOf(created.clientId)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ action: 'created' }) }),
      {
        kind: 'credential-change',
        actor_client: stack.steward.clientId,
        actor_agency: 'interop-office',
        subject_id: null,
        details: {
          action: 'revoked',
          clientId: created.clientId,
          role: 'adapter',
          agency: 'interior',
          reason: 'feed retired',
        },
      },
    ]);

    // Revocation is final.
    expect(
      errorOf(await stack.graphql(steward, REVOKE, { id: created.clientId, reason: 'again' })),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await stack.graphql(steward, ROTATE, { id: created.clientId }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      errorOf(await stack.graphql(steward, REVOKE, { id: 'nobody.agency.0', reason: 'x' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('needs a reason to revoke, and lets a client revoke itself', async () => {
    const created = await create(steward, { role: 'agency', agencyId: 'mef', name: 'Old kiosk' });
    const own = (await exchange(created.clientId, created.clientSecret)).token!;
    expect(
      errorOf(await stack.graphql(own, REVOKE, { id: created.clientId, reason: '  ' })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', rule: 'required' });
    const revoked = await stack.graphql(own, REVOKE, {
      id: created.clientId,
      reason: 'secret may have leaked',
    });
    expect(revoked.errors).toBeUndefined();
    const deadline = Date.now() + 5000;
    while ((await stack.graphql(own, '{ __typename }')).status !== 401) {
      if (Date.now() > deadline) throw new Error('own token still accepted after self-revocation');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await auditOf(created.clientId))[1]).toMatchObject({
      actor_client: created.clientId,
      details: { action: 'revoked', reason: 'secret may have leaked' },
    });
  });

  it('gives a citizen a client whose token names only the client, the national id masked in every list', async () => {
    const created = await create(steward, {
      role: 'citizen',
      name: 'Citizen portal credential',
      nationalId: '401 669 8706',
      reason: 'identity checked in person at the Phnom Penh one-window office',
    });
    expect(created.clientId).toMatch(/^citizens\.citizen\./);
    expect(created.clientId).not.toContain(CITIZEN);
    const token = (await exchange(created.clientId, created.clientSecret)).token!;
    expect(claimsOf(token)).toMatchObject({
      sub: created.clientId,
      role: 'citizen',
      agency: 'citizens',
    });
    expect(claimsOf(token)).not.toHaveProperty('nid');
    expect(JSON.stringify(claimsOf(token))).not.toContain(CITIZEN);
    // The gateway knows whose record this token may read: its own, and no other.
    const own = await stack.graphql<{ accessLog: unknown[] }>(token, OWN_LOG, { id: CITIZEN });
    expect(own.errors).toBeUndefined();
    expect(errorOf(await stack.graphql(token, OWN_LOG, { id: OTHER_CITIZEN }))).toMatchObject({
      code: 'FORBIDDEN',
    });

    const listed = await stack.graphql<{ clients: Array<Record<string, unknown>> }>(auditor, LIST, {
      agency: 'citizens',
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.clients).toContainEqual(
      expect.objectContaining({
        clientId: created.clientId,
        agencyName: 'Citizens',
        maskedNationalId: '*******706',
      }),
    );
    expect(JSON.stringify(listed)).not.toContain(CITIZEN);

    const [entry] = await auditOf(created.clientId);
    expect(entry).toMatchObject({
      subject_id: CITIZEN,
      details: { action: 'created', role: 'citizen', agency: 'citizens' },
    });
    expect(JSON.stringify(entry!.details)).not.toContain(CITIZEN);

    // One client per citizen; a mistyped id is refused without being repeated.
    expect(
      errorOf(
        await stack.graphql(steward, CREATE, {
          input: { role: 'citizen', name: 'again', nationalId: CITIZEN },
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'nationalId' });
    const mistyped = await stack.graphql(steward, CREATE, {
      input: { role: 'citizen', name: 'typo', nationalId: '4016698707' },
    });
    expect(errorOf(mistyped)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'nationalId',
      rule: 'check-digit',
    });
    expect(JSON.stringify(mistyped)).not.toContain('4016698707');

    // The test stack's helper registers citizens the same way.
    const helper = await stack.citizen(OTHER_CITIZEN);
    const helperClaims = claimsOf(await stack.token(helper));
    expect(helperClaims).toMatchObject({ role: 'citizen', sub: helper.clientId });
    expect(JSON.stringify(helperClaims)).not.toContain(OTHER_CITIZEN);
  });

  it('holds the role checks', async () => {
    const forbidden = async (token: string, query: string, variables: Record<string, unknown>) =>
      expect(errorOf(await stack.graphql(token, query, variables))).toMatchObject({
        code: 'FORBIDDEN',
      });
    const steward2 = { role: 'steward', agencyId: 'mpwt', name: 'Self-made steward' };
    // Only stewards make stewards, auditors and agency clients.
    await forbidden(agency, CREATE, { input: steward2 });
    await forbidden(integrator, CREATE, { input: steward2 });
    await forbidden(auditor, CREATE, { input: { role: 'agency', agencyId: 'naa', name: 'x' } });
    await forbidden(integrator, CREATE, {
      input: { role: 'agency', agencyId: 'mpwt', name: 'A desk' },
    });

    // An integrator creates adapter clients for its own agency's approved adapters only.
    await stack.db.database.query(
      `INSERT INTO adapter_registration (name, agency_id, title, state, registered_by)
       VALUES ('fleet', 'mpwt', 'Fleet register', 'approved', 'test'),
              ('fleet-draft', 'mpwt', 'Fleet register (draft)', 'pending', 'test')`,
    );
    const fleet = await create(integrator, {
      role: 'adapter',
      agencyId: 'mpwt',
      adapter: 'fleet',
      name: 'Fleet adapter',
    });
    await forbidden(integrator, CREATE, {
      input: { role: 'adapter', agencyId: 'mpwt', adapter: 'fleet-draft', name: 'x' },
    });
    await forbidden(integrator, CREATE, {
      input: { role: 'adapter', agencyId: 'interior', adapter: 'interior', name: 'x' },
    });
    // ... and rotates them; an agency client cannot rotate someone else's secret.
    const rotated = await stack.graphql(integrator, ROTATE, { id: fleet.clientId });
    expect(rotated.errors).toBeUndefined();
    await forbidden(agency, ROTATE, { id: fleet.clientId });
    await forbidden(agency, REVOKE, { id: fleet.clientId, reason: 'not mine' });
    await forbidden(integrator, REVOKE, { id: stack.agency.clientId, reason: 'not mine' });

    // Lists: stewards and auditors see every agency; agency clients their own only.
    const all = await stack.graphql<{ clients: Array<{ agencyId: string }> }>(auditor, LIST, {});
    expect(all.data!.clients.map((c) => c.agencyId)).toEqual(
      expect.arrayContaining(['mef', 'mpwt', 'interop-office', 'naa']),
    );
    const own = await stack.graphql<{ clients: Array<{ agencyId: string }> }>(agency, LIST, {});
    expect(own.errors).toBeUndefined();
    expect(new Set(own.data!.clients.map((c) => c.agencyId))).toEqual(new Set(['mef']));
    await forbidden(agency, LIST, { agency: 'mpwt' });
    const citizenToken = await stack.token(await stack.citizen(CITIZEN_WITHOUT_RIGHTS));
    await forbidden(citizenToken, LIST, {});
    await forbidden(citizenToken, CREATE, { input: steward2 });
  });

  describe('the CLI', () => {
    async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
      const out = new PassThrough();
      const err = new PassThrough();
      const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
      out.on('data', (chunk: Buffer) => chunks.out.push(chunk));
      err.on('data', (chunk: Buffer) => chunks.err.push(chunk));
      const code = await clientCommand(args, {
        db: stack.db.database,
        audit: stack.audit,
        settings: { secretOverlapHours: 24 },
        out,
        err,
      });
      return {
        code,
        out: Buffer.concat(chunks.out).toString(),
        err: Buffer.concat(chunks.err).toString(),
      };
    }

    it('creates, lists, rotates and revokes through the same service, audited as the operator', async () => {
      const created = await cli([
        'create',
        '--role',
        'citizen',
        '--name',
        'Counter-issued credential',
        '--national-id',
        COUNTER_CITIZEN,
        '--reason',
        'identity checked in person',
      ]);
      expect(created).toMatchObject({ code: 0, err: '' });
      const secret = JSON.parse(created.out.slice(0, created.out.indexOf('}') + 1)) as Credentials;
      const counterToken = (await exchange(secret.clientId, secret.clientSecret)).token!;
      expect(claimsOf(counterToken)).toMatchObject({ role: 'citizen', sub: secret.clientId });
      expect(JSON.stringify(claimsOf(counterToken))).not.toContain(COUNTER_CITIZEN);
      const counterLog = await stack.graphql(counterToken, OWN_LOG, { id: COUNTER_CITIZEN });
      expect(counterLog.errors).toBeUndefined();

      const listed = await cli(['list', '--agency', 'citizens']);
      expect(listed.code).toBe(0);
      expect(listed.out).toContain(secret.clientId);
      expect(listed.out).toContain(`*******${COUNTER_CITIZEN.slice(-3)}`);
      expect(listed.out).not.toContain(COUNTER_CITIZEN);

      const rotated = await cli(['rotate', secret.clientId, '--overlap-hours', '0']);
      expect(rotated.code).toBe(0);
      expect(rotated.out).toContain('The previous secret no longer works.');
      const fresh = JSON.parse(rotated.out.slice(0, rotated.out.indexOf('}') + 1)) as Credentials;
      expect((await exchange(secret.clientId, secret.clientSecret)).status).toBe(401);
      expect((await exchange(secret.clientId, fresh.clientSecret)).status).toBe(200);

      expect(await cli(['revoke', secret.clientId])).toMatchObject({ code: 2 });
      expect(await cli(['rotate', secret.clientId, '--overlap-hours', '200'])).toMatchObject({
        code: 2,
        err: expect.stringContaining('--overlap-hours'),
      });
      const revoked = await cli([
        'revoke',
        secret.clientId,
        '--reason',
        'card reported stolen',
        '--as',
        'desk-officer-7',
      ]);
      expect(revoked.code).toBe(0);
      expect((await exchange(secret.clientId, fresh.clientSecret)).status).toBe(401);

      const entries = await auditOf(secret.clientId);
      const operator = `cli:${os.userInfo().username}`;
      expect(
        entries.map((e) => [e.details.action, e.actor_client, e.actor_agency, e.subject_id]),
      ).toEqual([
        ['created', operator, 'operator', COUNTER_CITIZEN],
        ['rotated', operator, 'operator', COUNTER_CITIZEN],
        ['revoked', 'desk-officer-7', 'operator', COUNTER_CITIZEN],
      ]);
      const text = JSON.stringify(entries.map((e) => e.details));
      for (const value of [secret.clientSecret, fresh.clientSecret, COUNTER_CITIZEN])
        expect(text).not.toContain(value);
      const [row] = await stack.db.database.query<{ revoked_by: string; revoke_reason: string }>(
        `SELECT revoked_by, revoke_reason FROM client WHERE client_id = $1`,
        [secret.clientId],
      );
      expect(row).toEqual({ revoked_by: 'desk-officer-7', revoke_reason: 'card reported stolen' });
    });

    it('answers an unknown command with the help, whatever its name', async () => {
      for (const sub of ['frobnicate', 'constructor', 'toString', '__proto__']) {
        const answer = await cli([sub]);
        expect(answer).toMatchObject({ code: 2, out: '' });
        expect(answer.err).toContain(`unknown client command "${sub}"`);
        expect(answer.err).toContain(CLIENT_HELP);
      }
      expect((await cli([])).err).toContain('unknown client command ""');
    });

    it('does not make a change whose audit entry cannot be written', async () => {
      const failingAudit = {
        append: () => Promise.reject(new Error('the audit log is unreachable')),
      };
      const before = await stack.db.database.query(
        `SELECT client_id, secret_hash FROM client ORDER BY client_id`,
      );
      await expect(
        clientCommand(['create', '--role', 'agency', '--agency', 'mef', '--name', 'Unaudited'], {
          db: stack.db.database,
          audit: failingAudit,
          settings: { secretOverlapHours: 24 },
          out: new PassThrough(),
          err: new PassThrough(),
        }),
      ).rejects.toThrow('the audit log is unreachable');
      await expect(
        clientCommand(['rotate', stack.agency.clientId], {
          db: stack.db.database,
          audit: failingAudit,
          settings: { secretOverlapHours: 24 },
          out: new PassThrough(),
          err: new PassThrough(),
        }),
      ).rejects.toThrow('the audit log is unreachable');
      expect(
        await stack.db.database.query(
          `SELECT client_id, secret_hash FROM client ORDER BY client_id`,
        ),
      ).toEqual(before);
      expect((await exchange(stack.agency.clientId, stack.agency.clientSecret)).status).toBe(200);
    });

    it('refuses bad input naming the option', async () => {
      const bad = await cli(['create', '--role', 'agency', '--name', 'x', '--agency', 'Bad Id']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('(--agency)');
      const newAgency = await cli([
        'create',
        '--role',
        'agency',
        '--name',
        'x',
        '--agency',
        'mlvt',
      ]);
      expect(newAgency.code).toBe(2);
      expect(newAgency.err).toContain('agencyName is required');
    });
  });
});
