// The access policy holds a LISTEN connection of its own; the application that
// provides it closes it on shutdown, with no separate stopper to remember.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ACCESS_CONTROL_CHANNEL, AccessPolicy } from '#spean/access';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase('access_policy_shutdown');
});

afterAll(async () => {
  await test?.drop();
});

async function listeners(): Promise<number> {
  const [row] = await test.database.query<{ count: string }>(
    `SELECT count(*) AS count FROM pg_stat_activity
      WHERE datname = current_database() AND query = $1`,
    [`LISTEN ${ACCESS_CONTROL_CHANNEL}`],
  );
  return Number(row!.count);
}

describe('the access policy in a Nest application', () => {
  it('stops listening when the application shuts down', async () => {
    @Module({
      providers: [
        {
          provide: AccessPolicy,
          useFactory: async () => {
            const policy = new AccessPolicy(test.database);
            await policy.start();
            return policy;
          },
        },
      ],
    })
    class PolicyModule {}
    const app = await NestFactory.createApplicationContext(PolicyModule, { logger: false });
    expect(await listeners()).toBe(1);
    await app.close();
    expect(await listeners()).toBe(0);
  });
});
