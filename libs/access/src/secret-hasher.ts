// Client secrets are stored only as slow scrypt hashes (node:crypto, no native
// addon). Verification is constant-time, and an unknown client costs as much
// as a known one, so timing does not reveal which client ids exist.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

function derive(
  secret: string,
  salt: Buffer,
  options: ScryptOptions,
  keyLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      secret,
      salt,
      keyLength,
      { ...options, maxmem: 128 * options.N! * options.r! * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(
    secret,
    salt,
    { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p },
    PARAMS.keyLength,
  );
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(32).toString('base64url')}`;

/** Checks a secret against a stored hash; pass undefined for an unknown client. */
export async function verifySecret(secret: string, stored: string | undefined): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = (stored ?? DUMMY_HASH).split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const expectedKey = Buffer.from(expected, 'base64url');
  const key = await derive(
    secret,
    Buffer.from(salt, 'base64url'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expectedKey.length,
  );
  return timingSafeEqual(key, expectedKey) && stored !== undefined;
}

/** A new random client secret: 256 bits, URL-safe. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}
