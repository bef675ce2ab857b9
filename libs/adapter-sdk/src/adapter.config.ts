// Settings of an adapter process, validated at boot.
import { EnvReader, readCommonConfig, type CommonConfig } from '#spean/config';
import type { AdapterDefinition } from './adapter-definition.js';
import { signingKeyPath } from './publishing/signing-key.js';

export interface AdapterConfig extends CommonConfig {
  host: string;
  port: number;
  /** Where the gateway publishes its token signing keys. */
  gatewayUrl: string;
  /** Most records one intake request may carry. */
  maxRecordsPerRequest: number;
  maxRequestBytes: string;
  /** The adapter's Ed25519 signing key (PKCS#8 PEM); made there on first start if absent. */
  signingKeyFile: string;
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
    signingKeyFile: env.string(
      'ADAPTER_SIGNING_KEY_FILE',
      signingKeyPath(common.dataDir, definition.name),
    ),
  };
  env.done();
  return config;
}
