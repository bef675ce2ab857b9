import { describe, expect, it } from '@jest/globals';
import { availableParallelism } from 'node:os';
import { ConfigurationError, EnvReader } from '#spean/config';
import { readGatewayConfig } from './gateway.config.js';

describe('readGatewayConfig: TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(readGatewayConfig(new EnvReader({})).trustedProxies).toEqual([]);
  });

  it('reads addresses and CIDR ranges', () => {
    const config = readGatewayConfig(
      new EnvReader({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8' }),
    );
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8']);
  });

  it('refuses at boot what is not an address or a range, naming the entry', () => {
    let problems: string[] = [];
    try {
      readGatewayConfig(new EnvReader({ TRUSTED_PROXIES: '10.0.0.1, proxy.local, 10.0.0.0/33' }));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      problems = (error as ConfigurationError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^TRUSTED_PROXIES entry 2 \("proxy.local"\) must be an IP address/),
      expect.stringMatching(/^TRUSTED_PROXIES entry 3 \("10.0.0.0\/33"\)/),
    ]);
  });
});

describe('readGatewayConfig: GATEWAY_WORKERS', () => {
  const noProvider = { OIDC_EMBEDDED_PROVIDER: 'false' };

  it('runs one per core by default, one in tests and with the embedded provider', () => {
    expect(readGatewayConfig(new EnvReader(noProvider)).workers).toBe(
      Math.min(availableParallelism(), 64),
    );
    expect(readGatewayConfig(new EnvReader({ ...noProvider, NODE_ENV: 'test' })).workers).toBe(1);
    expect(readGatewayConfig(new EnvReader({})).workers).toBe(1);
  });

  it("reads the count and this worker's index", () => {
    const config = readGatewayConfig(
      new EnvReader({ ...noProvider, GATEWAY_WORKERS: '3', GATEWAY_WORKER_INDEX: '2' }),
    );
    expect(config).toMatchObject({ workers: 3, workerIndex: 2 });
  });

  it('refuses several workers with the embedded provider, naming both settings', () => {
    expect(() =>
      readGatewayConfig(new EnvReader({ GATEWAY_WORKERS: '2', OIDC_EMBEDDED_PROVIDER: 'true' })),
    ).toThrow(/GATEWAY_WORKERS above 1 needs OIDC_EMBEDDED_PROVIDER=false/);
  });
});
