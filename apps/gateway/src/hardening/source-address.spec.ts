import { describe, expect, it } from '@jest/globals';
import { sourceAddressKey } from './source-address.js';

describe('sourceAddressKey', () => {
  it('keys IPv4 by address, also when mapped into IPv6', () => {
    expect(sourceAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceAddressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('keys IPv6 by its /64, however the address is written', () => {
    const key = '2001:db8:85a3:0::/64';
    expect(sourceAddressKey('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3:0::/64');
    expect(sourceAddressKey('2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe(key);
    expect(sourceAddressKey('2001:db8:85a3:0:ffff:ffff:ffff:ffff')).toBe(key);
    expect(sourceAddressKey('2001:db8:85a3:1::1')).toBe('2001:db8:85a3:1::/64');
    expect(sourceAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(sourceAddressKey('::')).toBe('0:0:0:0::/64');
  });

  it('has a key for a request whose address is gone (socket closed)', () => {
    expect(sourceAddressKey(undefined)).toBe('unknown');
  });
});
