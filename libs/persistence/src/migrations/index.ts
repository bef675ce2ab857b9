// Every migration, oldest first. Imported explicitly (not globbed) so the
// compiled and the test builds apply exactly the same list.
import { CreateBus1763780000000 } from './1763780000000-create-bus.js';
import { CreateAccess1763780100000 } from './1763780100000-create-access.js';
import { CreateReadModel1763780200000 } from './1763780200000-create-read-model.js';

export const migrations = [
  CreateBus1763780000000,
  CreateAccess1763780100000,
  CreateReadModel1763780200000,
];
