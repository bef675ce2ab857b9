// Short-lived access tokens: compact JWTs signed with Ed25519 (EdDSA), verified
// against the gateway's published key set (JWKS). Written on node:crypto so no
// dependency stands between a forged token and our checks: the algorithm is
// fixed, the key is chosen by kid from our own set, and every claim is checked.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { ROLES, type Principal, type Role } from './principal.js';

export const TOKEN_ISSUER = 'spean-gateway';
export const TOKEN_AUDIENCE = 'spean';

export interface PublicJwk extends JsonWebKey {
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('The token signing key must be Ed25519');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  // RFC 7638 thumbprint: a kid that changes exactly when the key does.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
}

export function issueAccessToken(
  key: SigningKey,
  principal: Principal,
  ttlSeconds: number,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'EdDSA', typ: 'JWT', kid: key.kid };
  const claims = {
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    sub: principal.clientId,
    agency: principal.agencyId,
    role: principal.role,
    ...(principal.adapter ? { adapter: principal.adapter } : {}),
    ...(principal.nationalId ? { nid: principal.nationalId } : {}),
    iat: now,
    nbf: now,
    exp: now + ttlSeconds,
    jti: randomUUID(),
  };
  const signingInput = `${encode(header)}.${encode(claims)}`;
  const signature = sign(null, Buffer.from(signingInput), key.privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid access token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** Resolves a kid to a public key; may fetch a fresh key set when the kid is new. */
export type KeyResolver = (kid: string) => Promise<KeyObject | undefined>;

export async function verifyAccessToken(
  token: string,
  resolveKey: KeyResolver,
): Promise<Principal> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed');
  const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
  const header = decode(encodedHeader);
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string') {
    throw new InvalidTokenError('unsupported algorithm');
  }
  const key = await resolveKey(header.kid);
  if (!key) throw new InvalidTokenError('unknown signing key');
  const valid = verify(
    null,
    Buffer.from(`${encodedHeader}.${encodedClaims}`),
    key,
    Buffer.from(encodedSignature, 'base64url'),
  );
  if (!valid) throw new InvalidTokenError('bad signature');
  const claims = decode(encodedClaims);
  const now = Math.floor(Date.now() / 1000);
  const leeway = 30;
  if (claims.iss !== TOKEN_ISSUER || claims.aud !== TOKEN_AUDIENCE)
    throw new InvalidTokenError('wrong issuer');
  if (typeof claims.exp !== 'number' || claims.exp + leeway < now)
    throw new InvalidTokenError('expired');
  if (typeof claims.nbf === 'number' && claims.nbf - leeway > now)
    throw new InvalidTokenError('not yet valid');
  if (typeof claims.sub !== 'string' || typeof claims.agency !== 'string') {
    throw new InvalidTokenError('missing subject');
  }
  if (!ROLES.includes(claims.role as Role)) throw new InvalidTokenError('unknown role');
  return {
    clientId: claims.sub,
    agencyId: claims.agency,
    role: claims.role as Role,
    ...(typeof claims.adapter === 'string' ? { adapter: claims.adapter } : {}),
    ...(typeof claims.nid === 'string' ? { nationalId: claims.nid } : {}),
  };
}

export function publicKeyFromJwk(jwk: JsonWebKey): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new InvalidTokenError('malformed');
}
