import { describe, expect, it } from '@jest/globals';
import type { ConsumedMessage } from '../event-bus.port.js';
import {
  DEAD_LETTER_HEADERS,
  fromDeadLetterRecord,
  toDeadLetterRecord,
} from './dead-letter-record.js';

const original: ConsumedMessage = {
  topic: 'spean.person',
  partition: 3,
  offset: '9007199254740993',
  key: '1234567890',
  value: Buffer.from([0xff, 0x00, 0xfe]),
  headers: { 'record-type': 'person', note: 'ឈ្មោះ' },
  timestamp: new Date('2025-01-01T00:00:00Z'),
};

describe('dead-letter record layout', () => {
  it('keeps key, bytes and headers untouched and maps back to the same dead letter', () => {
    const failedAt = new Date('2025-02-03T04:05:06.789Z');
    const record = toDeadLetterRecord(
      { message: original, reason: 'មិនត្រឹមត្រូវ: bad date' },
      failedAt,
    );
    expect(record.key).toBe(original.key);
    expect(Buffer.compare(record.value, original.value)).toBe(0);
    expect(record.headers).toMatchObject(original.headers);
    expect(record.headers[DEAD_LETTER_HEADERS.offset]).toBe('9007199254740993');

    const letter = fromDeadLetterRecord('gateway', { ...record, timestamp: new Date() });
    expect(letter).toEqual({
      group: 'gateway',
      topic: 'spean.person',
      partition: 3,
      offset: '9007199254740993',
      key: '1234567890',
      value: original.value,
      headers: original.headers,
      reason: 'មិនត្រឹមត្រូវ: bad date',
      failedAt,
    });
  });

  it('maps a record written without our headers, rather than failing the listing', () => {
    const written = new Date('2025-03-01T00:00:00Z');
    const letter = fromDeadLetterRecord('tax', {
      key: 'k',
      value: Buffer.from('x'),
      headers: { a: 'b' },
      timestamp: written,
    });
    expect(letter).toMatchObject({
      topic: '',
      partition: -1,
      offset: '-1',
      reason: '',
      failedAt: written,
      headers: { a: 'b' },
    });
  });
});
