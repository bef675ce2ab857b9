// What a POST to the intake or the import carried, as the HTTP layer saw it.
// The JSON parser reads only application/json bodies and makes an empty one
// an empty object, so the controller notes which case it was and the service,
// once it has authorised the client, turns a body that is not JSON into 415
// and an empty one into 400 instead of validating an absent record.
import type { IncomingMessage } from 'node:http';
import { IntakeException, IntakeExceptionCode } from './intake.exception.js';

export type RequestBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-json'; readonly contentType: string | undefined }
  /** JSON in another encoding than UTF-8, which JSON between systems must be in (RFC 8259). */
  | { readonly kind: 'not-utf-8' };

/** A media type as sent, when it has a media type's shape: only then is it repeated in an answer. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

/** The body of a request the JSON parser has been through (it parses application/json only). */
export function requestBody(request: IncomingMessage & { body?: unknown }): RequestBody {
  const length = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if (!chunked && (length === undefined || Number(length) === 0)) return { kind: 'empty' };
  const [media, ...parameters] = (request.headers['content-type'] ?? '').split(';');
  const type = media!.trim().toLowerCase();
  if (type !== 'application/json') {
    return { kind: 'not-json', contentType: type === '' ? undefined : type };
  }
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return { kind: 'not-utf-8' };
  return { kind: 'json', value: request.body };
}

/** The parsed JSON of the body; throws the intake's answer for any other body. */
export function jsonOf(body: RequestBody, expected: string): unknown {
  switch (body.kind) {
    case 'json':
      return body.value;
    case 'empty': {
      const message = `the request body is empty; send ${expected} as application/json`;
      throw new IntakeException(IntakeExceptionCode.EMPTY_BATCH, message, {
        issues: [{ path: '', rule: 'required', message }],
      });
    }
    case 'not-utf-8': {
      const message = `the request body was sent in another charset than UTF-8; send ${expected} in UTF-8`;
      throw new IntakeException(IntakeExceptionCode.UNSUPPORTED_MEDIA_TYPE, message, {
        issues: [{ path: '', rule: 'charset', message }],
      });
    }
    case 'not-json': {
      const sent =
        body.contentType === undefined
          ? 'no content type'
          : MEDIA_TYPE.test(body.contentType)
            ? `content type ${body.contentType}`
            : 'an unreadable content type';
      const message = `the request body was sent with ${sent}; send ${expected} with Content-Type: application/json`;
      throw new IntakeException(IntakeExceptionCode.UNSUPPORTED_MEDIA_TYPE, message, {
        issues: [{ path: '', rule: 'content-type', message }],
      });
    }
  }
}
