import { describe, expect, it } from '@jest/globals';
import { hashSecret, newClientSecret, verifySecret } from './secret-hasher.js';

describe('secret hashing', () => {
  it('verifies the right secret and refuses a wrong or unknown one', async () => {
    const secret = newClientSecret();
    const stored = await hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(`${secret}x`, stored)).resolves.toBe(false);
    await expect(verifySecret(secret, undefined)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashSecret('same')).not.toBe(await hashSecret('same'));
  });
});
