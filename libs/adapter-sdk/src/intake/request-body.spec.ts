import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { IntakeException, IntakeExceptionCode } from './intake.exception.js';
import { jsonOf, requestBody, type RequestBody } from './request-body.js';

const request = (headers: Record<string, string>, body?: unknown) =>
  ({ headers, body }) as unknown as IncomingMessage & { body?: unknown };

function refusal(body: RequestBody): IntakeException {
  try {
    jsonOf(body, 'a record');
  } catch (error) {
    if (error instanceof IntakeException) return error;
    throw error;
  }
  throw new Error('jsonOf did not refuse');
}

describe('requestBody and jsonOf', () => {
  it('hands on the parsed JSON of an application/json body in UTF-8', () => {
    for (const type of [
      'application/json',
      'Application/JSON; charset=UTF-8',
      'application/json;charset="utf8"',
    ]) {
      const body = requestBody(request({ 'content-type': type, 'content-length': '2' }, { a: 1 }));
      expect(jsonOf(body, 'a record')).toEqual({ a: 1 });
    }
  });

  it('takes a body with no length and no chunks, or a zero length, for an empty one (400)', () => {
    const cases: Array<Record<string, string>> = [
      {},
      { 'content-type': 'application/json', 'content-length': '0' },
    ];
    for (const headers of cases) {
      const error = refusal(requestBody(request(headers, {})));
      expect(error.code).toBe(IntakeExceptionCode.EMPTY_BATCH);
      expect(error.issues).toEqual([expect.objectContaining({ path: '', rule: 'required' })]);
    }
  });

  it('names the content type a body was sent with instead of JSON (415)', () => {
    const error = refusal(
      requestBody(request({ 'content-type': 'Text/Plain; charset=utf-8', 'content-length': '9' })),
    );
    expect(error.code).toBe(IntakeExceptionCode.UNSUPPORTED_MEDIA_TYPE);
    expect(error.message).toContain('content type text/plain');
    expect(error.issues).toEqual([expect.objectContaining({ path: '', rule: 'content-type' })]);
  });

  it('says "no content type" when there is none, and never repeats one that is not a media type', () => {
    expect(refusal(requestBody(request({ 'transfer-encoding': 'chunked' }))).message).toContain(
      'no content type',
    );
    const odd = refusal(
      requestBody(request({ 'content-type': 'x <script> 2345678906', 'content-length': '9' })),
    );
    expect(odd.message).toContain('an unreadable content type');
    expect(odd.message).not.toContain('2345678906');
  });

  it('refuses JSON in another charset than UTF-8 (415, rule charset)', () => {
    for (const charset of ['utf-16le', 'utf-7', '"latin1"']) {
      const error = refusal(
        requestBody(
          request(
            { 'content-type': `application/json; charset=${charset}`, 'content-length': '2' },
            {},
          ),
        ),
      );
      expect(error.code).toBe(IntakeExceptionCode.UNSUPPORTED_MEDIA_TYPE);
      expect(error.issues).toEqual([expect.objectContaining({ path: '', rule: 'charset' })]);
    }
  });
});
