import { describe, expect, it } from '@jest/globals';
import { badlyEncodedFormField, readTokenRequest } from './token-request.js';

const basic = (user: string) => `Basic ${Buffer.from(user, 'utf8').toString('base64')}`;
const grant = { grant_type: 'client_credentials' };

describe('readTokenRequest', () => {
  it('reads credentials from the body or, percent-decoded, from a Basic header', () => {
    expect(
      readTokenRequest({ ...grant, client_id: 'mef.agency.1', client_secret: 's' }, undefined),
    ).toEqual({
      ok: true,
      credentials: { clientId: 'mef.agency.1', clientSecret: 's', via: 'body' },
    });
    expect(readTokenRequest(grant, basic('mef.agency.1:a%3Ab%25'))).toEqual({
      ok: true,
      credentials: { clientId: 'mef.agency.1', clientSecret: 'a:b%', via: 'basic' },
    });
  });

  it.each([
    ['no body', undefined, undefined, 'grant_type', 'required'],
    ['another grant', { grant_type: 'password' }, undefined, 'grant_type', 'one-of'],
    ['grant twice', { grant_type: ['client_credentials', 'x'] }, undefined, 'grant_type', 'string'],
    ['no id', { ...grant, client_secret: 's' }, undefined, 'client_id', 'required'],
    [
      'id as array',
      { ...grant, client_id: ['a'], client_secret: 's' },
      undefined,
      'client_id',
      'string',
    ],
    [
      'NUL in id',
      { ...grant, client_id: 'a\u0000', client_secret: 's' },
      undefined,
      'client_id',
      'vschar',
    ],
    [
      'lone surrogate',
      { ...grant, client_id: 'a', client_secret: '\ud800' },
      undefined,
      'client_secret',
      'vschar',
    ],
    [
      'Khmer in id',
      { ...grant, client_id: 'ក', client_secret: 's' },
      undefined,
      'client_id',
      'vschar',
    ],
    [
      'long id',
      { ...grant, client_id: 'a'.repeat(257), client_secret: 's' },
      undefined,
      'client_id',
      'max-length',
    ],
    ['bad Basic base64', grant, 'Basic a*b=', 'authorization', 'base64'],
    ['Basic without colon', grant, basic('abc'), 'authorization', 'id-colon-secret'],
    [
      'Basic bad UTF-8',
      grant,
      `Basic ${Buffer.from([0xff, 0x3a, 0x61]).toString('base64')}`,
      'authorization',
      'utf-8',
    ],
    ['Basic id bad percent', grant, basic('%E0%A4%A:s'), 'client_id', 'percent-encoding'],
    ['Basic secret bad percent', grant, basic('a:%'), 'client_secret', 'percent-encoding'],
    ['Basic NUL after decoding', grant, basic('a%00:s'), 'client_id', 'vschar'],
    [
      'two methods',
      { ...grant, client_secret: 's' },
      basic('a:s'),
      'client_secret',
      'one-authentication-method',
    ],
    ['two ids', { ...grant, client_id: 'b' }, basic('a:s'), 'client_id', 'matches-authorization'],
  ])('refuses %s naming the field and the rule', (_name, body, authorization, field, rule) => {
    const reading = readTokenRequest(body, authorization);
    expect(reading).toMatchObject({ ok: false, refusal: { field, rule } });
    if (!reading.ok) expect(reading.refusal.error_description).toContain(field);
  });
});

describe('badlyEncodedFormField', () => {
  it('names the first field whose name or value is not valid percent-encoding', () => {
    expect(
      badlyEncodedFormField('grant_type=client_credentials&client_id=a%2Eb+c'),
    ).toBeUndefined();
    expect(badlyEncodedFormField('grant_type=x&client_id=%E0%A4%A&client_secret=y')).toBe(
      'client_id',
    );
    expect(badlyEncodedFormField('client_secret=%zz')).toBe('client_secret');
    expect(badlyEncodedFormField('%zz=1')).toBe('body');
  });
});
