// The credentials a process presents to a secured Kafka cluster (SASL over
// the client listener). The password stays out of logs, error messages,
// util.inspect and JSON: only `password` itself returns it.
import fs from 'node:fs';
import type { EnvReader } from './env-reader.js';

export const KAFKA_SASL_MECHANISMS = ['SCRAM-SHA-512', 'SCRAM-SHA-256', 'PLAIN'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

export class KafkaCredentials {
  readonly #password: string;

  constructor(
    readonly mechanism: KafkaSaslMechanism,
    readonly username: string,
    password: string,
  ) {
    this.#password = password;
  }

  get password(): string {
    return this.#password;
  }

  toString(): string {
    return `${this.username} (${this.mechanism})`;
  }

  toJSON(): { mechanism: string; username: string; password: string } {
    return { mechanism: this.mechanism, username: this.username, password: '[hidden]' };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `KafkaCredentials { ${this.toString()}, password: [hidden] }`;
  }
}

/**
 * KAFKA_SASL_MECHANISM, KAFKA_USERNAME and KAFKA_PASSWORD (or
 * KAFKA_PASSWORD_FILE, for compose or Kubernetes secrets). None set: no
 * authentication, as a development broker needs.
 */
export function readKafkaCredentials(
  env: EnvReader,
  kafkaBrokers: string[],
): KafkaCredentials | undefined {
  const mechanism = env.string('KAFKA_SASL_MECHANISM');
  const username = env.string('KAFKA_USERNAME');
  const inline = env.secret('KAFKA_PASSWORD');
  const file = env.string('KAFKA_PASSWORD_FILE');
  if (mechanism === undefined) {
    if (username !== undefined || inline !== undefined || file !== undefined)
      env.problem(
        'KAFKA_USERNAME and KAFKA_PASSWORD are set but KAFKA_SASL_MECHANISM is not (set it to SCRAM-SHA-512)',
      );
    return undefined;
  }
  if (!(KAFKA_SASL_MECHANISMS as readonly string[]).includes(mechanism)) {
    env.problem(`KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}`);
    return undefined;
  }
  if (kafkaBrokers.length === 0) {
    env.problem(
      'KAFKA_SASL_MECHANISM is set but KAFKA_BROKERS is not: credentials are for a Kafka cluster',
    );
    return undefined;
  }
  if (username === undefined)
    env.problem('KAFKA_USERNAME is required when KAFKA_SASL_MECHANISM is set');
  let password = inline;
  if (inline !== undefined && file !== undefined) {
    env.problem('set KAFKA_PASSWORD or KAFKA_PASSWORD_FILE, not both');
    return undefined;
  }
  if (file !== undefined) {
    try {
      password = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      env.problem(`KAFKA_PASSWORD_FILE cannot be read (${(error as NodeJS.ErrnoException).code})`);
      return undefined;
    }
  }
  if (!password) {
    env.problem(
      'KAFKA_PASSWORD (or KAFKA_PASSWORD_FILE) is required when KAFKA_SASL_MECHANISM is set',
    );
    return undefined;
  }
  if (username === undefined) return undefined;
  return new KafkaCredentials(mechanism as KafkaSaslMechanism, username, password);
}
