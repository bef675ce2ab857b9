// The short form of `npm run chaos` on the embedded bus: one kill -9 each of
// the gateway, the interior adapter and PostgreSQL while records stream in.
// Every record answered 202 must be in the read model, none twice, no
// reaction twice, no dead letters, and the audit chain intact.
import { describe, it } from '@jest/globals';
import { expectNothingLost } from './run-chaos.js';

describe('the fault suite, short form, on the embedded bus', () => {
  it('loses and duplicates nothing when the gateway, the interior adapter and PostgreSQL are killed', async () => {
    await expectNothingLost('embedded', ['gateway', 'interior', 'postgres']);
  }, 900_000); // waiting its turn on dist/ behind the quick-bench suites, then its own run
});
