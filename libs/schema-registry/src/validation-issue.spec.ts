// The sentence each limit keyword gives: the field, the rule and the limit the
// schema sets, never the offending value.
import { describe, expect, it } from '@jest/globals';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { toValidationIssues } from './validation-issue.js';

function issueFor(keyword: string, limit: number | string): { rule: string; message: string } {
  const error: ErrorObject = {
    keyword,
    instancePath: '/field',
    schemaPath: `#/properties/field/${keyword}`,
    params: { limit, comparison: '' },
    data: 'OFFENDING-VALUE',
  };
  const [issue] = toValidationIssues([error], '/payload');
  return { rule: issue!.rule, message: issue!.message };
}

describe('limit messages', () => {
  it.each([
    ['minLength', 2, 'must be at least 2 characters long'],
    ['maxLength', 60, 'must be at most 60 characters long'],
    ['minimum', 0, 'must be at least 0'],
    ['maximum', 9, 'must be at most 9'],
    ['exclusiveMinimum', 0, 'must be greater than 0'],
    ['exclusiveMaximum', 100, 'must be less than 100'],
    ['formatMinimum', '1850-01-01', 'must not be before 1850-01-01'],
    ['formatExclusiveMinimum', '1850-01-01', 'must be after 1850-01-01'],
    ['formatMaximum', '2100-01-01', 'must not be after 2100-01-01'],
    ['formatExclusiveMaximum', '2100-01-01', 'must be before 2100-01-01'],
    ['minItems', 1, 'must have at least 1 items'],
    ['maxItems', 4, 'must have at most 4 items'],
  ])('%s names the field and the limit', (keyword, limit, sentence) => {
    expect(issueFor(keyword, limit)).toEqual({
      rule: keyword,
      message: `/payload/field ${sentence}`,
    });
  });

  it('does not take a keyword named like an object property for a limit', () => {
    expect(issueFor('constructor', 1).message).toBe('/payload/field is not valid (constructor)');
  });
});
