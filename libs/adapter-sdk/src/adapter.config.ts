// Settings of an adapter process, validated at boot.
import { EnvReader, readCommonConfig, type CommonConfig } from '#spean/config';
import type { AdapterDefinition } from './adapter-definition.js';

export interface AdapterConfig extends CommonConfig {
  host: string;
  port: number;
  /** Where the gateway publishes its token signing keys. */
  gatewayUrl: string;
  /** Most records one intake request may carry. */
  maxRecordsPerRequest: number;
  maxRequestBytes: string;
}

export function readAdapterConfig(
  definition: AdapterDefinition,
  env = new EnvReader(),
): AdapterConfig {
  const common = readCommonConfig(env);
  const config: AdapterConfig = {
    ...common,
    host: env.string('HOST', '127.0.0.1'),
    port: env.port('PORT', definition.defaultPort),
    gatewayUrl: env.url('GATEWAY_URL', ['http:', 'https:']) ?? 'http://127.0.0.1:3000',
    maxRecordsPerRequest: env.int('INTAKE_MAX_RECORDS', 5000, { min: 1, max: 100_000 }),
    maxRequestBytes: env.string('INTAKE_MAX_BYTES', '16mb'),
  };
  env.done();
  return config;
}
