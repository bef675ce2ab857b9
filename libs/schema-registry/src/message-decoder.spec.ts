import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mayBreakTextRules } from './input-rules.js';
import { decodeCanonicalMessage, parseValue } from './message-decoder.js';
import { RecordValidator } from './record-validator.js';
import { SchemaCatalog } from './schema-catalog.js';

const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const validator = new RecordValidator({ catalog: SchemaCatalog.load({ schemasDir }) });
const text = readFileSync(`${schemasDir}envelope/ok/person-upsert.json`, 'utf8');
const decode = (json: string) => decodeCanonicalMessage(Buffer.from(json), '3234567891', validator);

describe('decodeCanonicalMessage and the character rules', () => {
  it('decodes a clean message, whose raw text rules out every refused character at once', () => {
    expect(mayBreakTextRules(text)).toBe(false);
    expect(decode(text)).toMatchObject({ ok: true });
  });

  it.each([
    ['a NUL spelt as an escape', '\\u0000'],
    ['a lone surrogate spelt as an escape', '\\ud800'],
    ['a raw right-to-left override', '\u202e'],
    ['a raw C1 control', '\u0085'],
    ['a raw zero-width space', '\u200b'],
  ])('refuses a recordId holding %s, though the record is otherwise NFC', (_what, spelt) => {
    const json = text.replace('"MOI-P-3234567891"', `"MOI-P-${spelt}3234567891"`);
    expect(mayBreakTextRules(json)).toBe(true);
    const decoded = decode(json);
    expect(decoded).toMatchObject({ ok: false, code: 'schema-invalid' });
    expect(!decoded.ok && decoded.reason).toMatch(/\/recordId holds /);
  });

  it('decodes a value read beforehand (parseValue) exactly as its bytes', () => {
    for (const json of [text, text.replace('"MOI-P-3234567891"', '"MOI-P-\\u0000"'), '{', '[]']) {
      const value = Buffer.from(json);
      expect(decodeCanonicalMessage(value, '3234567891', validator, parseValue(value))).toEqual(
        decode(json),
      );
    }
    expect(decode('{')).toMatchObject({ ok: false, code: 'not-json' });
  });

  it('takes white space between tokens for what it is, not for a control character', () => {
    const pretty = JSON.stringify(JSON.parse(text), null, '\t').replaceAll('\n', '\r\n');
    expect(mayBreakTextRules(pretty)).toBe(false);
    expect(decode(pretty)).toMatchObject({ ok: true });
  });

  it('still refuses a message nested too deep when its text is clean', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const json = text.replace('"alive": true', `"alive": true, "x": ${deep}`);
    expect(mayBreakTextRules(json)).toBe(false);
    const decoded = decode(json);
    expect(decoded).toMatchObject({ ok: false, code: 'schema-invalid' });
    expect(!decoded.ok && decoded.reason).toMatch(/nests deeper than 32 levels/);
  });
});
