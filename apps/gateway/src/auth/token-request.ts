// What a client sends to /auth/token, read and checked before anything is
// looked up: grant_type, and the client's id and secret either in an HTTP
// Basic header (each form-urlencoded, then base64, RFC 6749 §2.3.1) or in the
// body (form or JSON). Every refusal is an OAuth2 `invalid_request` (or
// `unsupported_grant_type`) naming the field and the rule it broke, so a
// malformed request is a 400 and never reaches the database. Both id and
// secret are VSCHAR strings (printable ASCII, RFC 6749 Appendix A): that one
// rule keeps out control characters (NUL), lone surrogates and other text
// no client id or secret of ours contains.

export const MAX_CLIENT_ID_LENGTH = 256;
export const MAX_CLIENT_SECRET_LENGTH = 512;

export interface TokenCredentials {
  clientId: string;
  clientSecret: string;
  /** Where the credentials came from: a refused Basic client is challenged to try again. */
  via: 'basic' | 'body';
}

export interface TokenRequestRefusal {
  error: 'invalid_request' | 'unsupported_grant_type';
  error_description: string;
  /** The field at fault: grant_type, client_id, client_secret, authorization or body. */
  field: string;
  rule: string;
}

export type TokenRequestReading =
  { ok: true; credentials: TokenCredentials } | { ok: false; refusal: TokenRequestRefusal };

const VSCHAR = /^[\x20-\x7e]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function readTokenRequest(
  body: unknown,
  authorization: string | undefined,
): TokenRequestReading {
  const fields: Record<string, unknown> =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const grantType = fields.grant_type;
  if (grantType === undefined) {
    return refuse('grant_type', 'required', 'grant_type is required: client_credentials');
  }
  if (typeof grantType !== 'string') {
    return refuse('grant_type', 'string', 'grant_type must be one string: client_credentials');
  }
  if (grantType !== 'client_credentials') {
    return {
      ok: false,
      refusal: {
        error: 'unsupported_grant_type',
        error_description: 'grant_type must be client_credentials',
        field: 'grant_type',
        rule: 'one-of',
      },
    };
  }

  let clientId = fields.client_id;
  let clientSecret = fields.client_secret;
  let via: TokenCredentials['via'] = 'body';
  if (authorization !== undefined && /^basic /i.test(authorization)) {
    const basic = readBasic(authorization.slice(6).trim());
    if (!basic.ok) return basic;
    if (clientSecret !== undefined) {
      return refuse(
        'client_secret',
        'one-authentication-method',
        'client_secret must not be sent in the body when the authorization header carries it',
      );
    }
    if (clientId !== undefined && clientId !== basic.clientId) {
      return refuse(
        'client_id',
        'matches-authorization',
        'client_id in the body must match the one in the authorization header',
      );
    }
    ({ clientId, clientSecret } = basic);
    via = 'basic';
  }
  const problem =
    checkField('client_id', clientId, MAX_CLIENT_ID_LENGTH) ??
    checkField('client_secret', clientSecret, MAX_CLIENT_SECRET_LENGTH);
  if (problem) return { ok: false, refusal: problem };
  return {
    ok: true,
    credentials: { clientId: clientId as string, clientSecret: clientSecret as string, via },
  };
}

type BasicReading =
  | { ok: true; clientId: string; clientSecret: string }
  | { ok: false; refusal: TokenRequestRefusal };

function readBasic(encoded: string): BasicReading {
  if (!BASE64.test(encoded) || encoded.length === 0) {
    return refuse(
      'authorization',
      'base64',
      'the authorization header must carry base64 Basic credentials',
    );
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64'));
  } catch {
    return refuse(
      'authorization',
      'utf-8',
      'the authorization header must carry Basic credentials in UTF-8',
    );
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return refuse(
      'authorization',
      'id-colon-secret',
      'the authorization header must carry Basic credentials as client_id:client_secret',
    );
  }
  const clientId = percentDecoded(decoded.slice(0, colon));
  if (clientId === undefined) return badEncoding('client_id');
  const clientSecret = percentDecoded(decoded.slice(colon + 1));
  if (clientSecret === undefined) return badEncoding('client_secret');
  return { ok: true, clientId, clientSecret };
}

function percentDecoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function badEncoding(field: string): { ok: false; refusal: TokenRequestRefusal } {
  return refuse(
    field,
    'percent-encoding',
    `${field} in the authorization header is not valid percent-encoding`,
  );
}

function checkField(
  field: string,
  value: unknown,
  maxLength: number,
): TokenRequestRefusal | undefined {
  const refusal = (rule: string, description: string): TokenRequestRefusal => ({
    error: 'invalid_request',
    error_description: description,
    field,
    rule,
  });
  if (value === undefined || value === '') return refusal('required', `${field} is required`);
  if (typeof value !== 'string') return refusal('string', `${field} must be one string`);
  if (value.length > maxLength) {
    return refusal('max-length', `${field} must be at most ${maxLength} characters`);
  }
  if (!VSCHAR.test(value)) {
    return refusal('vschar', `${field} must be printable ASCII characters only (RFC 6749 VSCHAR)`);
  }
  return undefined;
}

function refuse(
  field: string,
  rule: string,
  description: string,
): { ok: false; refusal: TokenRequestRefusal } {
  return {
    ok: false,
    refusal: { error: 'invalid_request', error_description: description, field, rule },
  };
}

/** For the form parser's verify hook: the first field whose value is not valid percent-encoding. */
export function badlyEncodedFormField(raw: string): string | undefined {
  for (const pair of raw.split('&')) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    for (const part of [name, value]) {
      if (percentDecoded(part.replaceAll('+', ' ')) === undefined) {
        const readable = percentDecoded(name.replaceAll('+', ' '));
        return readable !== undefined && VSCHAR.test(readable) ? readable.slice(0, 64) : 'body';
      }
    }
  }
  return undefined;
}
