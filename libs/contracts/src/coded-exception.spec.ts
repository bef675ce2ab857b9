import { describe, expect, it } from '@jest/globals';
import { CodedException } from './coded-exception.js';

enum ExampleCode {
  NOT_FOUND = 'NOT_FOUND',
}

class ExampleException extends CodedException<ExampleCode> {}

describe('CodedException', () => {
  it('carries its code, message, cause and the subclass name', () => {
    const cause = new Error('underneath');
    const error = new ExampleException(ExampleCode.NOT_FOUND, 'no such thing', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CodedException);
    expect({
      code: error.code,
      message: error.message,
      name: error.name,
      cause: error.cause,
    }).toEqual({ code: 'NOT_FOUND', message: 'no such thing', name: 'ExampleException', cause });
  });
});
