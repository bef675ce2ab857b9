// One citizen, end to end: registered at the interior adapter, looked up at
// the gateway by an authenticated agency. Run unchanged on both transports.
// What needs the whole system stays here (HTTP statuses, tokens, the wire
// shape, the time to the gateway); which version wins, deletes, and the
// audit entry of each lookup are decided and tested without HTTP in
// test/medium/ (read-model, citizen-lookup and intake-import).
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { startStack, type SpeanStack, type Transport } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));

const LOOKUP = `query Lookup($id: ID!, $purpose: String!) {
  citizen(nationalId: $id, purpose: $purpose) {
    nationalId
    person { nationalId name { khmer { familyName givenName } latin { familyName givenName } } sex dateOfBirth alive
             placeOfBirth { province { code khmer latin } } idCardNumber }
    address { village { khmer } commune { latin } district { latin } province { code latin } since }
  }
}`;

export function personRecord(
  nationalId: string,
  version = 1,
  overrides: Record<string, unknown> = {},
) {
  return {
    recordType: 'person',
    schemaVersion: 1,
    recordId: `person-${nationalId}`,
    subjectId: nationalId,
    version,
    op: 'upsert',
    occurredAt: '2026-11-20T09:30:00+07:00',
    payload: {
      nationalId,
      name: {
        khmer: { familyName: 'សុខ', givenName: 'ចាន់ថា' },
        latin: { familyName: 'Sok', givenName: 'Chantha' },
      },
      sex: 'female',
      dateOfBirth: '1990-04-14',
      placeOfBirth: { province: { code: '12', khmer: 'រាជធានីភ្នំពេញ', latin: 'Phnom Penh' } },
      idCardNumber: '010203040',
      alive: true,
      ...overrides,
    },
  };
}

function addressRecord(nationalId: string) {
  return {
    recordType: 'address',
    schemaVersion: 1,
    recordId: `address-${nationalId}`,
    subjectId: nationalId,
    version: 1,
    op: 'upsert',
    occurredAt: '2026-11-20T09:30:00+07:00',
    payload: {
      village: { khmer: 'ភូមិ១' },
      commune: { latin: 'Boeng Keng Kang Ti Muoy' },
      district: { latin: 'Boeng Keng Kang' },
      province: { code: '12', latin: 'Phnom Penh' },
      since: '2020-01-15',
    },
  };
}

interface LookupData {
  citizen: null | {
    nationalId: string;
    person: null | {
      name: { khmer: { familyName: string }; latin: { givenName: string } };
      alive: boolean;
      dateOfBirth: string;
    };
    address: null | { province: { latin: string }; since: string };
  };
}

export function describeCitizenLookup(transport: Transport): void {
  describe(`one citizen end to end (${transport} bus)`, () => {
    let stack: SpeanStack;
    let agencyToken: string;
    let adapterToken: string;

    beforeAll(async () => {
      stack = await startStack(transport, `citizen_${transport}`);
      agencyToken = await stack.token(stack.agency);
      adapterToken = await stack.token(stack.adapter);
    });
    afterAll(async () => {
      await stack?.close();
    });

    const lookup = (nationalId: string, token = agencyToken) =>
      stack.graphql<LookupData>(token, LOOKUP, {
        id: nationalId,
        purpose: 'business-registration',
      });

    async function waitForCitizen(
      nationalId: string,
      predicate: (data: LookupData) => boolean,
    ): Promise<number> {
      const started = performance.now();
      for (;;) {
        const response = await lookup(nationalId);
        if (response.data && predicate(response.data)) return performance.now() - started;
        if (performance.now() - started > 10_000)
          throw new Error('the citizen did not appear within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    it('shows a person posted to the interior adapter at the gateway within a second', async () => {
      const nationalId = newNationalId();
      const published = await stack.publish(adapterToken, [
        personRecord(nationalId),
        addressRecord(nationalId),
      ]);
      expect(published.status).toBe(202);
      expect(published.body.accepted).toBe(2);
      expect(published.body.eventIds).toHaveLength(2);

      const elapsed = await waitForCitizen(nationalId, (data) =>
        Boolean(data.citizen?.address && data.citizen.person),
      );
      expect(elapsed).toBeLessThan(1000);

      const { data, errors } = await lookup(nationalId);
      expect(errors).toBeUndefined();
      expect(data!.citizen!.nationalId).toBe(nationalId);
      expect(data!.citizen!.person!.name.khmer.familyName).toBe('សុខ');
      expect(data!.citizen!.person!.name.latin.givenName).toBe('Chantha');
      expect(data!.citizen!.address!.province.latin).toBe('Phnom Penh');
    });

    it('answers null for an unknown citizen and BAD_USER_INPUT for a mistyped id', async () => {
      const unknown = await lookup(newNationalId());
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data!.citizen).toBeNull();

      const valid = newNationalId();
      const typo = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
      const mistyped = await lookup(typo);
      expect(mistyped.data?.citizen ?? null).toBeNull();
      expect(mistyped.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(mistyped.errors![0]!.message).toMatch(/nationalId/);
      expect(mistyped.errors![0]!.extensions!.rule).toBe('check-digit');
    });

    it('refuses a lookup without a token, with a bad token, or from a non-agency client', async () => {
      const nationalId = newNationalId();
      const anonymous = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOOKUP, variables: { id: nationalId, purpose: 'x' } }),
      });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);

      const forged = `${agencyToken.slice(0, -4)}AAAA`;
      expect((await lookup(nationalId, forged)).status).toBe(401);

      const asSteward = await lookup(nationalId, await stack.token(stack.steward));
      expect(asSteward.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });

    it('issues tokens only for the right client secret', async () => {
      const wrong = await fetch(`${stack.gatewayUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: stack.agency.clientId,
          client_secret: 'nope',
        }),
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });

      const basic = Buffer.from(`${stack.agency.clientId}:${stack.agency.clientSecret}`).toString(
        'base64',
      );
      const ok = await fetch(`${stack.gatewayUrl}/auth/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${basic}`,
        },
        body: 'grant_type=client_credentials',
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 900 });

      const noGrant = await fetch(`${stack.gatewayUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: 'x', client_secret: 'y' }),
      });
      expect(noGrant.status).toBe(400);
    });

    it('rejects bad intake with the field and the rule, and publishes nothing of a bad batch', async () => {
      const notJson = await stack.publish(adapterToken, '{"recordType": ');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error).toBe('INVALID_JSON');

      const nationalId = newNationalId();
      const good = personRecord(nationalId);
      const noBirthDate = personRecord(newNationalId());
      delete (noBirthDate.payload as Record<string, unknown>).dateOfBirth;
      const badId = personRecord(nationalId.slice(0, 9) + String((Number(nationalId[9]) + 3) % 10));
      const response = await stack.publish(adapterToken, [good, noBirthDate, badId]);
      expect(response.status).toBe(422);
      const issues = response.body.issues as Array<{
        index: number;
        path: string;
        rule: string;
        message: string;
      }>;
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ index: 1, path: '/payload/dateOfBirth', rule: 'required' }),
          expect.objectContaining({ index: 2, path: '/subjectId', rule: 'check-digit' }),
        ]),
      );
      expect(issues.some((issue) => issue.index === 0)).toBe(false);

      const noToken = await fetch(`${stack.adapterUrl}/v1/records`, { method: 'POST', body: '{}' });
      expect(noToken.status).toBe(401);
      const agencyPublishing = await stack.publish(agencyToken, good);
      expect(agencyPublishing.status).toBe(403);
    });

    it('reports health and metrics', async () => {
      const health = await fetch(`${stack.gatewayUrl}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        checks: { database: 'up', bus: 'up' },
      });
      const adapterHealth = await fetch(`${stack.adapterUrl}/health`);
      expect(adapterHealth.status).toBe(200);
      const metrics = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
      expect(metrics).toMatch(/spean_citizen_lookups_total\{[^}]*outcome="found"/);
      expect(metrics).toMatch(/spean_records_consumed_total/);
    });
  });
}
