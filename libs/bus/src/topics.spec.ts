import { describe, expect, it } from '@jest/globals';
import { deadLetterTopicFor, recordTypeOf, topicFor } from './topics.js';

describe('topics', () => {
  it('maps record types to topics and back', () => {
    expect(topicFor('vehicle-registration')).toBe('spean.vehicle-registration');
    expect(recordTypeOf(topicFor('person'))).toBe('person');
    expect(deadLetterTopicFor('gateway')).toBe('spean.dlq.gateway');
  });
});
