// The short form of `npm run chaos` on the Kafka bus: one kill -9 of the
// broker and one of the gateway while records stream in. The run starts a
// broker of its own (it must be able to kill it), not the suite's shared one.
import { describe, it } from '@jest/globals';
import { expectNothingLost } from './run-chaos.js';

describe('the fault suite, short form, on the Kafka bus', () => {
  it('loses and duplicates nothing when the broker and the gateway are killed', async () => {
    await expectNothingLost('kafka', ['kafka', 'gateway']);
  }, 900_000); // waiting its turn on dist/ behind the quick-bench suites, then its own run
});
