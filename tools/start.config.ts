// The settings of `npm start` (the one-machine launcher): the settings every
// process shares, the gateway's port, whether demo data is seeded, and how
// the launcher restarts an app that died.
import { readCommonConfig, type CommonConfig, type EnvReader } from '#spean/config';

export interface StartConfig extends CommonConfig {
  gatewayPort: number;
  /**
   * The first adapter's port; the five adapters listen on it and the four
   * after it (interior, transport, land, commerce, tax: 3101 to 3105 by default).
   */
  adapterBasePort: number;
  /**
   * Demo clients, their credentials file, the demo purposes and grants and a
   * synthetic population. On by default except in production, which seeds
   * nothing unless SEED_DEMO=true says so.
   */
  seedDemo: boolean;
  demoCitizens: number;
  /** Restarts of one app within restartWindowMs after which the launcher gives up. */
  maxRestarts: number;
  restartWindowMs: number;
}

const FIRST_ADAPTER_PORT = 3101;

/** Where `npm start` runs an adapter: its default port, moved with ADAPTER_BASE_PORT. */
export function adapterPort(
  config: Pick<StartConfig, 'adapterBasePort'>,
  adapter: { defaultPort: number },
): number {
  return config.adapterBasePort + adapter.defaultPort - FIRST_ADAPTER_PORT;
}

export function readStartConfig(env: EnvReader): StartConfig {
  const common = readCommonConfig(env);
  return {
    ...common,
    gatewayPort: env.port('PORT', 3000),
    adapterBasePort: env.port('ADAPTER_BASE_PORT', FIRST_ADAPTER_PORT),
    seedDemo: env.bool('SEED_DEMO', common.environment !== 'production'),
    demoCitizens: env.int('DEMO_CITIZENS', 300, { min: 0, max: 100_000 }),
    maxRestarts: env.int('RESTART_MAX', 5, { min: 1, max: 1_000 }),
    restartWindowMs: env.int('RESTART_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }) * 1000,
  };
}
