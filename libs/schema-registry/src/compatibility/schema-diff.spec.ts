import { describe, expect, it } from '@jest/globals';
import { diffSchemas } from './schema-diff.js';

const v1 = {
  $id: 'https://schemas.spean.gov.kh/thing/1.json',
  type: 'object',
  additionalProperties: false,
  required: ['plate'],
  properties: {
    plate: { type: 'string', description: 'The plate' },
    year: { type: 'integer', minimum: 1900 },
  },
};
const v2 = {
  ...v1,
  $id: 'https://schemas.spean.gov.kh/thing/2.json',
  required: ['plate', 'year'],
  properties: {
    plate: { type: 'string', description: 'The number plate' },
    year: { type: 'integer', minimum: 1900 },
    colour: { type: 'string' },
  },
};

function diff(from: object, to: object, mode = 'BACKWARD_TRANSITIVE' as const) {
  return diffSchemas({ mode, from: { version: 1, schema: from }, to: { version: 2, schema: to } });
}

describe('diffSchemas', () => {
  it('lists each change with its path, old and new value, and what it breaks', () => {
    const result = diff(v1, v2);
    const byPath = Object.fromEntries(result.differences.map((d) => [d.path, d]));
    expect(Object.keys(byPath).sort()).toEqual([
      '/properties/colour',
      '/properties/plate/description',
      '/required',
    ]);
    expect(byPath['/properties/colour']).toMatchObject({
      change: 'added',
      after: { type: 'string' },
      impact: 'BACKWARD',
    });
    expect(byPath['/properties/colour']!.incompatibilities.map((i) => i.rule)).toEqual([
      'property-added-to-closed-model',
    ]);
    expect(byPath['/properties/plate/description']).toMatchObject({
      change: 'changed',
      before: 'The plate',
      after: 'The number plate',
      impact: 'FULL',
    });
    expect(byPath['/required']).toMatchObject({
      change: 'changed',
      before: ['plate'],
      after: ['plate', 'year'],
      impact: 'FORWARD',
    });
    expect(result.impact).toBe('BREAKING');
    expect(result.allowedUnderMode).toBe(false);
  });

  it('places a removed field on its removal, not on its unchanged neighbours', () => {
    const withoutYear = { ...v1, properties: { plate: v1.properties.plate } };
    const result = diff(v1, withoutYear);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toMatchObject({
      path: '/properties/year',
      change: 'removed',
      before: { type: 'integer', minimum: 1900 },
      impact: 'FORWARD',
    });
    expect(result.differences[0]!.incompatibilities.map((i) => i.rule)).toEqual([
      'property-removed',
    ]);
    expect(result.allowedUnderMode).toBe(false);
  });

  it('diffs a later version against an earlier one as readily as the reverse', () => {
    const result = diffSchemas({
      mode: 'BACKWARD',
      from: { version: 2, schema: v2 },
      to: { version: 1, schema: v1 },
    });
    expect(result).toMatchObject({ from: 2, to: 1 });
    const colour = result.differences.find((d) => d.path === '/properties/colour');
    expect(colour).toMatchObject({ change: 'removed', impact: 'FORWARD' });
    const required = result.differences.find((d) => d.path === '/required');
    expect(required).toMatchObject({ impact: 'BACKWARD' });
  });

  it('finds nothing but the identity between equal schemas, and allows them under every mode', () => {
    const result = diff(
      v1,
      { ...v1, $id: 'https://schemas.spean.gov.kh/thing/2.json' },
      'FULL' as never,
    );
    expect(result).toMatchObject({ differences: [], impact: 'FULL', allowedUnderMode: true });
  });

  it('judges the verdict under the record type’s mode alone', () => {
    const optional = { ...v1, properties: { ...v1.properties, colour: { type: 'string' } } };
    expect(diff(v1, optional, 'BACKWARD' as never).allowedUnderMode).toBe(true);
    expect(diff(v1, optional, 'FORWARD' as never).allowedUnderMode).toBe(false);
  });
});
