// Every migration, oldest first. Imported explicitly (not globbed) so the
// compiled and the test builds apply exactly the same list.
import { CreateBus1763780000000 } from './1763780000000-create-bus.js';
import { CreateAccess1763780100000 } from './1763780100000-create-access.js';
import { CreateReadModel1763780200000 } from './1763780200000-create-read-model.js';
import { CreateAdapterStore1763780300000 } from './1763780300000-create-adapter-store.js';
import { CreateReadSubject1763780400000 } from './1763780400000-create-read-subject.js';
import { CreateDeadLetterStore1763780500000 } from './1763780500000-create-dead-letter-store.js';
import { CreateSchemaRegistry1763780600000 } from './1763780600000-create-schema-registry.js';
import { CreateAuditLog1763780700000 } from './1763780700000-create-audit-log.js';
import { CreateAccessControl1763780800000 } from './1763780800000-create-access-control.js';
import { CreateAdapterOutbox1763781000000 } from './1763781000000-create-adapter-outbox.js';
import { CreateVerificationFailure1763782000000 } from './1763782000000-create-verification-failure.js';
import { CreateAdapterKey1763785000000 } from './1763785000000-create-adapter-key.js';
import { DropBusDeadLetter1763786000000 } from './1763786000000-drop-bus-dead-letter.js';
import { AddAuditActorPerson1763790000000 } from './1763790000000-add-audit-actor-person.js';
import { CreatePersonSession1763790100000 } from './1763790100000-create-person-session.js';
import { AddGrantRequiresOfficer1763790200000 } from './1763790200000-add-grant-requires-officer.js';
import { CreateGrantUseIndex1763791000000 } from './1763791000000-create-grant-use-index.js';
import { CreateAuditVerification1763792000000 } from './1763792000000-create-audit-verification.js';
import { AddPurposeDisclosure1763792100000 } from './1763792100000-add-purpose-disclosure.js';
import { CreateAccessQuestion1763792200000 } from './1763792200000-create-access-question.js';
import { CreateRateLimitBucket1763792700000 } from './1763792700000-create-rate-limit-bucket.js';
import { CreateAuditPersonNameIndex1763793000000 } from './1763793000000-create-audit-person-name-index.js';
import { CreateAuditAppend1763793400000 } from './1763793400000-create-audit-append.js';

export const migrations = [
  CreateBus1763780000000,
  CreateAccess1763780100000,
  CreateReadModel1763780200000,
  CreateAdapterStore1763780300000,
  CreateReadSubject1763780400000,
  CreateDeadLetterStore1763780500000,
  CreateSchemaRegistry1763780600000,
  CreateAuditLog1763780700000,
  CreateAccessControl1763780800000,
  CreateAdapterOutbox1763781000000,
  CreateVerificationFailure1763782000000,
  CreateAdapterKey1763785000000,
  DropBusDeadLetter1763786000000,
  AddAuditActorPerson1763790000000,
  CreatePersonSession1763790100000,
  AddGrantRequiresOfficer1763790200000,
  CreateGrantUseIndex1763791000000,
  CreateAuditVerification1763792000000,
  AddPurposeDisclosure1763792100000,
  CreateAccessQuestion1763792200000,
  CreateRateLimitBucket1763792700000,
  CreateAuditPersonNameIndex1763793000000,
  CreateAuditAppend1763793400000,
];
