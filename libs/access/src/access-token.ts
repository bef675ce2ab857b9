// Short-lived access tokens: compact JWTs signed with Ed25519 (EdDSA), verified
// against the gateway's published key set (JWKS). Signing and verification are
// jose's; what is ours is the policy around it: one algorithm (EdDSA), the key
// chosen by kid from our own set, every claim checked, and only the canonical
// encoding of a token accepted. base64url has several spellings of the same
// bytes (padding, unused low bits in the last character) that decoders
// tolerate; a token is refused unless each segment is exactly what encoding
// its bytes gives, so one token has one spelling and a variant of a verified
// token is never mistaken for it (the verified-token cache is keyed by the
// exact string, see token-verifier.ts).
//
// The token names its client (sub), agency and role, never a national id: a
// citizen's national id stays on the server, resolved from the client id (see
// citizen-subjects.ts).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { errors, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { ROLES, type Principal, type Role } from './principal.js';

export const TOKEN_ISSUER = 'spean-gateway';
export const TOKEN_AUDIENCE = 'spean';
export const TOKEN_ALGORITHM = 'EdDSA';
/** Clock skew tolerated between the gateway that signs and the process that verifies. */
export const TOKEN_LEEWAY_SECONDS = 30;
/** Far above any token we issue (a few hundred bytes); longer strings are not parsed. */
const MAX_TOKEN_LENGTH = 4096;

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

/** A public key as node:crypto (the gateway's own) or Web Crypto (a fetched JWKS) holds it. */
export type VerificationKey = KeyObject | CryptoKey;

/** Resolves a kid to a public key; may fetch a fresh key set when the kid is new. */
export type KeyResolver = (kid: string) => Promise<VerificationKey | undefined>;

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
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: TOKEN_ALGORITHM, use: 'sig' } };
}

export function issueAccessToken(
  key: SigningKey,
  principal: Principal,
  ttlSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    agency: principal.agencyId,
    role: principal.role,
    ...(principal.adapter ? { adapter: principal.adapter } : {}),
  })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(principal.clientId)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttlSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid access token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** A verified token: who it speaks for, and until when (seconds since the epoch). */
export interface VerifiedToken {
  principal: Principal;
  expiresAt: number;
}

export async function verifyAccessToken(
  token: string,
  resolveKey: KeyResolver,
): Promise<Principal> {
  return (await verifyToken(token, resolveKey)).principal;
}

export async function verifyToken(token: string, resolveKey: KeyResolver): Promise<VerifiedToken> {
  assertCanonical(token);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      async (header) => {
        const key = typeof header.kid === 'string' ? await resolveKey(header.kid) : undefined;
        if (!key) throw new InvalidTokenError('unknown signing key');
        return key;
      },
      {
        algorithms: [TOKEN_ALGORITHM],
        typ: 'JWT',
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTolerance: TOKEN_LEEWAY_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat'],
      },
    ));
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new InvalidTokenError(reasonOf(error));
    throw error;
  }
  return { principal: principalOf(payload), expiresAt: payload.exp! };
}

/** Each of the three segments must be exactly the base64url encoding of its bytes. */
function assertCanonical(token: string): void {
  if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('malformed');
  const segments = token.split('.');
  if (segments.length !== 3) throw new InvalidTokenError('malformed');
  for (const segment of segments) {
    if (
      !/^[A-Za-z0-9_-]+$/.test(segment) ||
      Buffer.from(segment, 'base64url').toString('base64url') !== segment
    ) {
      throw new InvalidTokenError('malformed');
    }
  }
}

function principalOf(claims: JWTPayload): Principal {
  const { sub, agency, role, adapter } = claims;
  if (typeof sub !== 'string' || !sub || typeof agency !== 'string' || !agency) {
    throw new InvalidTokenError('missing subject');
  }
  if (!ROLES.includes(role as Role)) throw new InvalidTokenError('unknown role');
  if (adapter !== undefined && typeof adapter !== 'string') {
    throw new InvalidTokenError('malformed');
  }
  return {
    clientId: sub,
    agencyId: agency,
    role: role as Role,
    ...(adapter ? { adapter } : {}),
  };
}

/** jose's refusals in the words our WWW-Authenticate challenges use. */
function reasonOf(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return 'not yet valid';
    if (error.claim === 'iss' || error.claim === 'aud') return 'wrong issuer';
    return `invalid claim ${error.claim}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'unsupported algorithm';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  return 'malformed';
}
