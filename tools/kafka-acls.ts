// Who may do what on a secured Kafka cluster, derived from the adapter
// definitions — the one place the Kafka ACLs come from. Each adapter's user
// may write only the topics of the record types it publishes, read only those
// its reactions consume, with its own consumer group and dead-letter topic;
// the gateway reads every canonical topic with the group `gateway`. The admin
// user is a super user (broker configuration), so it needs no ACL here.
//
// Used by tools/kafka-local.ts (`--secure`), by `spean kafka acls` (the
// kafka-acls.sh commands for an operator or the compose setup) and by tests.
// Imports nothing at run time, so kafka-local can load it under plain Node.

/** What this module needs of an adapter definition (libs/adapter-sdk's AdapterDefinition fits). */
export interface AdapterTopics {
  name: string;
  publishes: readonly string[];
  reactions?: readonly { recordType: string }[];
}

export type AclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE';

export interface KafkaAcl {
  /** `User:<name>`. */
  principal: string;
  resourceType: 'TOPIC' | 'GROUP';
  /** A literal topic or group name: no prefixes, no wildcards. */
  resourceName: string;
  operations: readonly AclOperation[];
}

export interface KafkaAclOptions {
  /** Record types the gateway's read model consumes (CITIZEN_SECTIONS). */
  gatewayRecordTypes: readonly string[];
  /** BUS_NAMESPACE, when environments share a cluster: it prefixes topics and groups. */
  namespace?: string;
}

/** The Kafka user of the gateway; each adapter's user is named after the adapter. */
export const GATEWAY_KAFKA_USER = 'gateway';

// Kept in step with libs/bus/src/topics.ts (this file cannot import it under plain Node);
// tools/kafka-acls.spec.ts checks they agree.
const PREFIX = 'spean.';
const topicOf = (recordType: string): string => `${PREFIX}${recordType}`;

/** The gateway's consumer group (apps/gateway READ_MODEL_GROUP). */
const GATEWAY_GROUP = 'gateway';

// A consumer creates the topics it reads if they are missing (it may start
// before their publisher ever ran), so readers may CREATE too; creating an
// empty topic is not writing to it.
const PUBLISH: readonly AclOperation[] = ['WRITE', 'DESCRIBE', 'CREATE'];
const CONSUME: readonly AclOperation[] = ['READ', 'DESCRIBE', 'CREATE'];
const GROUP: readonly AclOperation[] = ['READ', 'DESCRIBE'];

/** The Kafka users Spean needs besides the admin: the gateway and one per adapter. */
export function kafkaUsers(adapters: readonly AdapterTopics[]): string[] {
  return [GATEWAY_KAFKA_USER, ...adapters.map((adapter) => adapter.name)];
}

export function kafkaAcls(
  adapters: readonly AdapterTopics[],
  options: KafkaAclOptions,
): KafkaAcl[] {
  const ns = options.namespace ? `${options.namespace}.` : '';
  const acls: KafkaAcl[] = [];
  const grant = (
    user: string,
    resourceType: KafkaAcl['resourceType'],
    name: string,
    operations: readonly AclOperation[],
  ): void => {
    acls.push({
      principal: `User:${user}`,
      resourceType,
      resourceName: `${ns}${name}`,
      operations,
    });
  };
  const consumerOf = (user: string, group: string, recordTypes: readonly string[]): void => {
    for (const recordType of unique(recordTypes))
      grant(user, 'TOPIC', topicOf(recordType), CONSUME);
    grant(user, 'GROUP', group, GROUP);
  };

  for (const adapter of adapters) {
    const publishes = unique(adapter.publishes);
    for (const recordType of publishes) grant(adapter.name, 'TOPIC', topicOf(recordType), PUBLISH);
    const consumes = unique((adapter.reactions ?? []).map((reaction) => reaction.recordType));
    // The group exists for every adapter: a reaction may be approved later. Dead letters are
    // kept in PostgreSQL (the dead_letter store), so no topic of the bus is written for them.
    consumerOf(adapter.name, adapter.name, consumes);
  }
  consumerOf(GATEWAY_KAFKA_USER, GATEWAY_GROUP, options.gatewayRecordTypes);
  // The gateway's adapter directory shows each adapter's consumer lag: it may
  // see a group's committed offsets (DESCRIBE), never join it (READ).
  for (const adapter of adapters) grant(GATEWAY_KAFKA_USER, 'GROUP', adapter.name, ['DESCRIBE']);
  return acls;
}

/**
 * The same ACLs as `kafka-acls.sh` commands, one per resource, for an
 * operator's cluster or the compose setup service. `$KAFKA_BIN`,
 * `$KAFKA_BOOTSTRAP` and `$KAFKA_ADMIN_CONFIG` (an admin client properties
 * file) are left to the shell.
 */
export function kafkaAclCommands(acls: readonly KafkaAcl[]): string[] {
  return acls.map((acl) =>
    [
      '"$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$KAFKA_ADMIN_CONFIG"',
      `--add --allow-principal '${acl.principal}'`,
      ...acl.operations.map((operation) => `--operation ${operation}`),
      `--${acl.resourceType === 'TOPIC' ? 'topic' : 'group'} '${acl.resourceName}' --resource-pattern-type literal`,
    ].join(' '),
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** Where the generated table is kept, for kafka-local --secure and the compose setup service. */
export const KAFKA_ACL_TABLE_FILE = 'docker/kafka-acls.txt';

const TABLE_HEADER = [
  '# Kafka ACLs of Spean, one grant per line: principal, resource type, literal name, operations.',
  '# Generated from the adapter definitions by `npm run spean -- kafka acls > docker/kafka-acls.txt`;',
  '# do not edit (tools/kafka-acls.spec.ts fails when it is out of date). Read by',
  '# `npm run kafka:local -- --secure` and by the compose kafka-setup service (docker/kafka-setup.sh).',
];

/** The ACLs as a plain table that a shell `while read` loop and kafka-local can both read. */
export function kafkaAclTable(acls: readonly KafkaAcl[]): string {
  const lines = acls.map(
    (acl) => `${acl.principal} ${acl.resourceType} ${acl.resourceName} ${acl.operations.join(',')}`,
  );
  return `${[...TABLE_HEADER, ...lines].join('\n')}\n`;
}

const OPERATIONS: readonly AclOperation[] = ['READ', 'WRITE', 'CREATE', 'DESCRIBE'];

export function parseKafkaAclTable(text: string): KafkaAcl[] {
  const acls: KafkaAcl[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [principal, resourceType, resourceName, operations, ...rest] = line.split(/\s+/);
    const ops = (operations ?? '').split(',');
    if (
      rest.length > 0 ||
      !principal?.startsWith('User:') ||
      (resourceType !== 'TOPIC' && resourceType !== 'GROUP') ||
      !resourceName ||
      !ops.every((op) => (OPERATIONS as readonly string[]).includes(op))
    )
      throw new Error(
        `line ${index + 1} of the Kafka ACL table must read "User:<name> TOPIC|GROUP <name> <OP>[,<OP>...]" with OP one of ${OPERATIONS.join(', ')}`,
      );
    acls.push({ principal, resourceType, resourceName, operations: ops as AclOperation[] });
  });
  return acls;
}

/** The users a table grants to, e.g. ['gateway', 'interior', ...], in first-seen order. */
export function usersOf(acls: readonly KafkaAcl[]): string[] {
  return [...new Set(acls.map((acl) => acl.principal.slice('User:'.length)))];
}
