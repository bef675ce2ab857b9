// Every migration, oldest first. Imported explicitly (not globbed) so the
// compiled and the test builds apply exactly the same list.
import { CreateBus1763780000000 } from './1763780000000-create-bus.js';

export const migrations = [CreateBus1763780000000];
