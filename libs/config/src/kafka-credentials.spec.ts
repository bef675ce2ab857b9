// KAFKA_SASL_MECHANISM, KAFKA_USERNAME and KAFKA_PASSWORD(_FILE): read and
// checked in the one config place, the password never shown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { readCommonConfig } from './common.config.js';
import { ConfigurationError, EnvReader } from './env-reader.js';

function read(env: Record<string, string>): ReturnType<typeof readCommonConfig> {
  const reader = new EnvReader(env);
  const config = readCommonConfig(reader);
  reader.done();
  return config;
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    read(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

const BROKERS = { KAFKA_BROKERS: 'kafka:9092' };

describe('Kafka credentials in the common configuration', () => {
  it('has none unless a mechanism is set (a development broker without authentication)', () => {
    expect(read(BROKERS).kafkaSasl).toBeUndefined();
  });

  it('reads a mechanism, a user and a password', () => {
    const sasl = read({
      ...BROKERS,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_USERNAME: 'transport',
      KAFKA_PASSWORD: 's3cret-pw',
    }).kafkaSasl;
    expect(sasl).toMatchObject({ mechanism: 'SCRAM-SHA-512', username: 'transport' });
    expect(sasl?.password).toBe('s3cret-pw');
  });

  it('reads the password from KAFKA_PASSWORD_FILE without its trailing newline', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-kafka-pw-'));
    try {
      const file = path.join(dir, 'password');
      fs.writeFileSync(file, 'from-a-file\n');
      const sasl = read({
        ...BROKERS,
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_USERNAME: 'gateway',
        KAFKA_PASSWORD_FILE: file,
      }).kafkaSasl;
      expect(sasl?.password).toBe('from-a-file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never shows the password when the configuration is printed or serialised', () => {
    const config = read({
      ...BROKERS,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_USERNAME: 'transport',
      KAFKA_PASSWORD: 's3cret-pw',
    });
    expect(inspect(config, { depth: 10 })).not.toContain('s3cret-pw');
    expect(JSON.stringify(config)).not.toContain('s3cret-pw');
    expect(`${config.kafkaSasl?.toString()}`).not.toContain('s3cret-pw');
  });

  it('names each missing or contradictory setting, without echoing the password', () => {
    expect(problemsOf({ ...BROKERS, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512' })).toEqual([
      'KAFKA_USERNAME is required when KAFKA_SASL_MECHANISM is set',
      'KAFKA_PASSWORD (or KAFKA_PASSWORD_FILE) is required when KAFKA_SASL_MECHANISM is set',
    ]);
    expect(problemsOf({ ...BROKERS, KAFKA_USERNAME: 'tax', KAFKA_PASSWORD: 'pw-xyz' })).toEqual([
      'KAFKA_USERNAME and KAFKA_PASSWORD are set but KAFKA_SASL_MECHANISM is not (set it to SCRAM-SHA-512)',
    ]);
    const both = problemsOf({
      ...BROKERS,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_USERNAME: 'tax',
      KAFKA_PASSWORD: 'pw-xyz',
      KAFKA_PASSWORD_FILE: '/run/secrets/kafka',
    });
    expect(both).toEqual(['set KAFKA_PASSWORD or KAFKA_PASSWORD_FILE, not both']);
    expect(
      problemsOf({
        ...BROKERS,
        KAFKA_SASL_MECHANISM: 'scram',
        KAFKA_USERNAME: 'tax',
        KAFKA_PASSWORD: 'pw-xyz',
      }),
    ).toEqual(['KAFKA_SASL_MECHANISM must be one of SCRAM-SHA-512, SCRAM-SHA-256, PLAIN']);
    expect(
      problemsOf({
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_USERNAME: 'tax',
        KAFKA_PASSWORD: 'pw-xyz',
      }),
    ).toEqual([
      'KAFKA_SASL_MECHANISM is set but KAFKA_BROKERS is not: credentials are for a Kafka cluster',
    ]);
    const unreadable = problemsOf({
      ...BROKERS,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_USERNAME: 'tax',
      KAFKA_PASSWORD_FILE: '/nonexistent/kafka-password',
    });
    expect(unreadable).toEqual(['KAFKA_PASSWORD_FILE cannot be read (ENOENT)']);
  });
});
