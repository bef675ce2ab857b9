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
      agencyId: 'gdt',
      agencyName: 'General Department of Taxation',
      name: 'Tax adapter integrator',
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

    // An integrator sees its own adapters' letters only: the tax adapter's
    // group failed on interior's record; the other groups' letters are not its.
    const integratorToken = await stack.token(integrator);
    const asIntegrator = await stack.graphql<{ deadLetters: Letter[] }>(integratorToken, LIST);
    expect(asIntegrator.data?.deadLetters.map((letter) => letter.group)).toEqual(['tax']);
    const othersForIntegrator = await stack.graphql<{ deadLetters: Letter[] }>(
      integratorToken,
      `{ deadLetters(group: "gateway") { id } }`,
    );
    expect(othersForIntegrator.data?.deadLetters).toEqual([]);
    const integratorDryRun = await stack.graphql<{
      replayDeadLetters: { requested: number; groups: string[] };
    }>(
      integratorToken,
      `mutation { replayDeadLetters(code: "not-json", dryRun: true) { requested groups } }`,
    );
    expect(integratorDryRun.data?.replayDeadLetters).toEqual({ requested: 1, groups: ['tax'] });

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

  it('counts on the server exactly what the same filter lists, for stewards and integrators only', async () => {
    const steward = await stack.token(stack.steward);
    const COUNTS = `query($group: String, $recordType: String, $code: String, $source: String, $status: String) {
      deadLetterCounts(group: $group, recordType: $recordType, code: $code, source: $source, status: $status) {
        total
        byGroup { value count } bySource { value count } byRecordType { value count } byCode { value count }
      }
    }`;
    const FULL_LIST = `query($group: String, $recordType: String, $code: String, $source: String, $status: String) {
      deadLetters(group: $group, recordType: $recordType, code: $code, source: $source, status: $status, first: 1000) {
        group source recordType code
      }
    }`;
    interface ValueCount {
      value: string | null;
      count: number;
    }
    interface Counts {
      total: number;
      byGroup: ValueCount[];
      bySource: ValueCount[];
      byRecordType: ValueCount[];
      byCode: ValueCount[];
    }
    /** What a person would count from the whole list, in the counts' order: largest first. */
    const tally = (
      letters: Array<Record<'group' | 'source' | 'recordType' | 'code', string | null>>,
      key: 'group' | 'source' | 'recordType' | 'code',
    ): ValueCount[] => {
      const seen = new Map<string | null, number>();
      for (const letter of letters) seen.set(letter[key], (seen.get(letter[key]) ?? 0) + 1);
      return [...seen.entries()]
        .map(([value, count]) => ({ value, count }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : 1),
        );
    };
    const selections: Array<Record<string, string>> = [
      {},
      { recordType: 'civil-event' },
      { code: 'not-json' },
      { group: 'tax' },
      { source: 'interior', code: 'not-json' },
      { status: 'resolved' },
      { group: 'no-such-group' },
    ];
    for (const variables of selections) {
      const counted = await stack.graphql<{ deadLetterCounts: Counts }>(steward, COUNTS, variables);
      expect(counted.errors).toBeUndefined();
      const listed = await stack.graphql<{
        deadLetters: Array<Record<'group' | 'source' | 'recordType' | 'code', string | null>>;
      }>(steward, FULL_LIST, variables);
      const letters = listed.data!.deadLetters;
      expect([variables, counted.data!.deadLetterCounts]).toEqual([
        variables,
        {
          total: letters.length,
          byGroup: tally(letters, 'group'),
          bySource: tally(letters, 'source'),
          byRecordType: tally(letters, 'recordType'),
          byCode: tally(letters, 'code'),
        },
      ]);
    }
    const civil = await stack.graphql<{ deadLetterCounts: Counts }>(steward, COUNTS, {
      recordType: 'civil-event',
      code: 'not-json',
    });
    expect(civil.data!.deadLetterCounts).toMatchObject({
      total: REACTING_TO_CIVIL_EVENTS.length,
      byCode: [{ value: 'not-json', count: REACTING_TO_CIVIL_EVENTS.length }],
    });
    expect(civil.data!.deadLetterCounts.byGroup.map((entry) => entry.value).sort()).toEqual(
      REACTING_TO_CIVIL_EVENTS,
    );

    // Of open letters, the total is what a replay of the same filter takes: its dry run agrees.
    const dry = await stack.graphql<{ replayDeadLetters: { requested: number; groups: string[] } }>(
      steward,
      `mutation { replayDeadLetters(recordType: "civil-event", code: "not-json", dryRun: true) { requested groups } }`,
    );
    expect(dry.data!.replayDeadLetters).toEqual({
      requested: civil.data!.deadLetterCounts.total,
      groups: civil.data!.deadLetterCounts.byGroup.map((entry) => entry.value).sort(),
    });

    // An integrator counts what it lists; the same scope as deadLetters.
    const integratorToken = await stack.token(integrator);
    const asIntegrator = await stack.graphql<{ deadLetterCounts: Counts }>(
      integratorToken,
      COUNTS,
      { recordType: 'civil-event' },
    );
    const integratorList = await stack.graphql<{ deadLetters: unknown[] }>(
      integratorToken,
      FULL_LIST,
      { recordType: 'civil-event' },
    );
    expect(asIntegrator.errors).toBeUndefined();
    expect(asIntegrator.data!.deadLetterCounts.total).toBe(integratorList.data!.deadLetters.length);

    for (const role of ['agency', 'auditor'] as const) {
      const refused = await stack.graphql(await stack.token(stack[role]), COUNTS);
      expect([role, refused.data ?? null, refused.errors?.[0]?.extensions?.code]).toEqual([
        role,
        null,
        'FORBIDDEN',
      ]);
    }
    const badStatus = await stack.graphql(steward, COUNTS, { status: 'closed' });
    expect(badStatus.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
    });
  });
});
