import { describe, expect, it } from '@jest/globals';
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
