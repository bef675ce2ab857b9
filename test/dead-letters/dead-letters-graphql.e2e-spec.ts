// The whole system: a message no consumer can read is a dead letter of the
// gateway and of every adapter that reacts to its record type; stewards and
// integrators (only they) list and replay them over GraphQL, and the gateway's
// /metrics counts the open ones.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientCredentialsService, ClientRepository } from '#spean/access';
import { topicFor } from '#spean/bus';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { signedMessage } from '../support/signed-message.js';
import { startStack, type Credentials, type SpeanStack } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const REACTING_TO_CIVIL_EVENTS = ['commerce', 'gateway', 'interior', 'tax', 'transport'];

interface Letter {
  id: string;
  group: string;
  recordType: string;
  code: string;
  attempts: number;
  status: string;
  replayRequestedAt: string | null;
}

const LIST = `query($code: String, $status: String) {
  deadLetters(recordType: "civil-event", code: $code, status: $status) {
    id group recordType code reason attempts status replayRequestedAt
  }
}`;

describe('dead letters over GraphQL', () => {
  let stack: SpeanStack;
  let integrator: Credentials;
  beforeAll(async () => {
    stack = await startStack('embedded', 'dead_letters_graphql');
    integrator = await new ClientCredentialsService(
      new ClientRepository(stack.db.database),
      () => {
        throw new Error('not used');
      },
      0,
    ).register({
      agencyId: 'moi-it',
      agencyName: 'Ministry of Interior IT',
      name: 'Adapter integrator',
      role: 'integrator',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lists, counts and replays dead letters for stewards and integrators only', async () => {
    const nationalId = ids.fromSerial(randomInt(0, ids.capacity));
    // Signed by the interior adapter's approved key: its own bytes, just not JSON.
    await stack.bus.publish([
      signedMessage(stack.signingKeys.interior, {
        topic: topicFor('civil-event'),
        key: nationalId,
        value: Buffer.from('{"not": json'),
      }),
    ]);
    const steward = await stack.token(stack.steward);
    const list = async (variables: Record<string, unknown> = {}): Promise<Letter[]> =>
      (await stack.graphql<{ deadLetters: Letter[] }>(steward, LIST, variables)).data
        ?.deadLetters ?? [];
    const deadline = Date.now() + 10_000;
    while ((await list()).length < REACTING_TO_CIVIL_EVENTS.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));

    const letters = await list({ code: 'not-json' });
    expect(letters.map((letter) => letter.group).sort()).toEqual(REACTING_TO_CIVIL_EVENTS);
    for (const letter of letters)
      expect(letter).toMatchObject({ recordType: 'civil-event', attempts: 1, status: 'open' });
    expect(JSON.stringify(letters)).not.toContain(nationalId);
    expect(await list({ status: 'resolved' })).toEqual([]);

    const asIntegrator = await stack.graphql<{ deadLetters: Letter[] }>(
      await stack.token(integrator),
      LIST,
    );
    expect(asIntegrator.data?.deadLetters).toHaveLength(REACTING_TO_CIVIL_EVENTS.length);

    const agency = await stack.token(stack.agency);
    const REPLAY = `mutation($ids: [ID!], $group: String) {
      replayDeadLetters(ids: $ids, group: $group) { requested groups }
    }`;
    for (const operation of [LIST, REPLAY]) {
      const forbidden = await stack.graphql(agency, operation, { group: 'gateway' });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const unselected = await stack.graphql(steward, REPLAY);
    expect(unselected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badStatus = await stack.graphql(steward, LIST, { status: 'closed' });
    expect(badStatus.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const metrics = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(
      /spean_dead_letters_open\{[^}]*group="tax"[^}]*code="not-json"[^}]*\} 1/,
    );
    expect(metrics).toMatch(/spean_dead_letters_total\{[^}]*group="gateway"[^}]*code="not-json"/);

    // A dry run counts what a replay would take and marks nothing.
    const DRY = `mutation($code: String) {
      replayDeadLetters(recordType: "civil-event", code: $code, dryRun: true) { requested groups }
    }`;
    const counted = await stack.graphql<{
      replayDeadLetters: { requested: number; groups: string[] };
    }>(steward, DRY, { code: 'not-json' });
    expect(counted.data?.replayDeadLetters).toEqual({
      requested: REACTING_TO_CIVIL_EVENTS.length,
      groups: REACTING_TO_CIVIL_EVENTS,
    });
    for (const letter of await list({ code: 'not-json' }))
      expect(letter.replayRequestedAt).toBeNull();
    const dryForAgency = await stack.graphql(agency, DRY, { code: 'not-json' });
    expect(dryForAgency.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Still unreadable after a replay: it stays open, with one more attempt.
    const gatewayLetter = letters.find((letter) => letter.group === 'gateway')!;
    const replay = await stack.graphql<{
      replayDeadLetters: { requested: number; groups: string[] };
    }>(steward, REPLAY, { ids: [gatewayLetter.id] });
    expect(replay.data?.replayDeadLetters).toEqual({ requested: 1, groups: ['gateway'] });
    // The replay is in the audit log with who asked, and the dry run is not.
    const audited = await stack.db.database.query<{ actor_client: string; details: unknown }>(
      `SELECT actor_client, details FROM audit_entry WHERE kind = 'dead-letter-replay' ORDER BY seq`,
    );
    expect(audited).toEqual([
      {
        actor_client: stack.steward.clientId,
        details: {
          selection: { ids: [gatewayLetter.id] },
          requested: 1,
          groups: ['gateway'],
          reason: '',
        },
      },
    ]);
    const settled = async () => (await list()).find((letter) => letter.id === gatewayLetter.id)!;
    const replayDeadline = Date.now() + 10_000;
    while ((await settled()).attempts < 2 && Date.now() < replayDeadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await settled()).toMatchObject({ status: 'open', attempts: 2, code: 'not-json' });
    const others = (await list()).filter((letter) => letter.group !== 'gateway');
    for (const letter of others) expect(letter.attempts).toBe(1);
  });
});
