// The approvals cache on a real database: a change announced by the registry
// takes effect at once however long the cache would keep an answer, and a
// change nobody announced (a lost notification) within the cache's age limit;
// listeners hear of both. And the built-in adapters' registration.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AdapterApprovals,
  AdapterRegistryRepository,
  AdapterRegistryService,
  type AdapterActor,
} from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { SchemaRegistryService } from '#spean/schema-registry';
import { ADAPTERS } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const steward: AdapterActor = { clientId: 'steward-1', agencyId: 'interop', role: 'steward' };
let test: TestDatabase;
let audit: AuditLog;
let registry: AdapterRegistryService;
const opened: AdapterApprovals[] = [];

async function approvals(maxAgeMs: number): Promise<AdapterApprovals> {
  const each = new AdapterApprovals(test.database, { maxAgeMs });
  await each.start();
  opened.push(each);
  return each;
}

async function until(condition: () => Promise<boolean> | boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

beforeAll(async () => {
  test = await createTestDatabase('adapter_approvals');
  audit = new AuditLog(test.database);
  await new SchemaRegistryService(test.database, { environment: 'test' }).bootstrap();
  await new AdapterRegistryRepository(test.database).ensureAgency('mlmupc', 'Land ministry');
  registry = new AdapterRegistryService(test.database, audit);
  await registry.register(steward, {
    name: 'cadastre',
    agencyId: 'mlmupc',
    title: 'Cadastre',
    publishes: [{ recordType: 'land-title', schemaVersion: 1 }],
    consumes: [],
  });
});

afterAll(async () => {
  await Promise.all(opened.map((each) => each.stop()));
  await audit.close();
  await test.drop();
});

describe('adapter approvals cache', () => {
  it('applies an announced approval at once, even with a long cache', async () => {
    const cache = await approvals(60_000);
    expect(await cache.mayPublish('cadastre', 'land-title', 1)).toEqual({
      allowed: false,
      reason: 'adapter cadastre is pending approval',
    });
    let heard = 0;
    cache.onChange('cadastre', () => heard++);
    await registry.approve(steward, 'cadastre', 'reviewed');
    const ms = await until(
      async () => (await cache.mayPublish('cadastre', 'land-title', 1)).allowed,
      2_000,
    );
    expect(ms).toBeLessThan(1_000);
    await until(() => heard > 0, 2_000);
  });

  it('applies an unannounced change within its age limit', async () => {
    const cache = await approvals(300);
    expect((await cache.mayPublish('cadastre', 'land-title', 1)).allowed).toBe(true);
    let heard = 0;
    cache.onChange('cadastre', () => heard++);
    // Behind the registry's back: no NOTIFY.
    await test.database.query(
      `UPDATE adapter_registration SET state = 'suspended', decision_reason = 'quiet' WHERE name = 'cadastre'`,
    );
    await until(async () => !(await cache.mayPublish('cadastre', 'land-title', 1)).allowed, 2_000);
    expect(await cache.mayPublish('cadastre', 'land-title', 1)).toEqual({
      allowed: false,
      reason: 'adapter cadastre is suspended: quiet',
    });
    await until(() => heard > 0, 2_000);
  });
});

describe('adapter approvals in a Nest application', () => {
  it('stop following the registry when the application that provides them shuts down', async () => {
    // Provided as the adapter module provides them: started by a factory, nothing else holding them.
    let provided: AdapterApprovals | undefined;
    @Module({
      providers: [
        {
          provide: 'APPROVALS',
          useFactory: async () => (provided = await approvals(60_000)),
        },
      ],
    })
    class ApprovalsModule {}
    const app = await NestFactory.createApplicationContext(ApprovalsModule, { logger: false });
    let heard = 0;
    provided!.onChange('cadastre', () => heard++);
    await app.close();
    await registry.approve(steward, 'cadastre', 'after shutdown');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heard).toBe(0);
  });
});

describe('registerBuiltInAdapters', () => {
  it('registers and approves the five on a fresh database, once, and leaves a suspension alone', async () => {
    const fresh = await createTestDatabase('built_in_adapters');
    const log = new AuditLog(fresh.database);
    try {
      const first = await registerBuiltInAdapters(fresh.database, log, Object.values(ADAPTERS));
      expect(first).toEqual({
        changed: ['interior', 'transport', 'land', 'commerce', 'tax'],
        leftAlone: [],
      });
      const rows = await fresh.database.query<{ name: string; agency_id: string; state: string }>(
        `SELECT name, agency_id, state FROM adapter_registration ORDER BY name`,
      );
      expect(rows).toEqual([
        { name: 'commerce', agency_id: 'moc', state: 'approved' },
        { name: 'interior', agency_id: 'moi', state: 'approved' },
        { name: 'land', agency_id: 'mlmupc', state: 'approved' },
        { name: 'tax', agency_id: 'gdt', state: 'approved' },
        { name: 'transport', agency_id: 'mpwt', state: 'approved' },
      ]);
      const entries = async () =>
        (
          await fresh.database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_entry WHERE kind = 'adapter-registration'`,
          )
        )[0]!.n;
      expect(await entries()).toBe(10);

      await new AdapterRegistryService(fresh.database, log).suspend(steward, 'land', 'audit');
      const again = await registerBuiltInAdapters(fresh.database, log, Object.values(ADAPTERS));
      expect(again).toEqual({ changed: [], leftAlone: ['land'] });
      expect(await entries()).toBe(11);
    } finally {
      await log.close();
      await fresh.drop();
    }
  });
});
