import { describe, expect, it } from '@jest/globals';
import { recordTypeOf, topicFor } from './topics.js';

describe('topics', () => {
  it('maps record types to topics and back', () => {
    expect(topicFor('vehicle-registration')).toBe('spean.vehicle-registration');
    expect(recordTypeOf(topicFor('person'))).toBe('person');
  });
});
