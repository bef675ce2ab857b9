// The Kafka ACLs derived from the real adapter definitions: who may write and
// read which topic, with which group.
import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { topicFor } from '#spean/bus';
import { CITIZEN_SECTIONS } from '#spean/access';
import { READ_MODEL_GROUP } from '../apps/gateway/src/gateway.app.js';
import { ADAPTERS } from './adapters.js';
import {
  KAFKA_ACL_TABLE_FILE,
  kafkaAclCommands,
  kafkaAclTable,
  kafkaAcls,
  kafkaUsers,
  parseKafkaAclTable,
  usersOf,
  type KafkaAcl,
} from './kafka-acls.js';

const DEFINITIONS = Object.values(ADAPTERS);
const GATEWAY_TYPES = CITIZEN_SECTIONS.map((section) => section.recordType);
const ACLS = kafkaAcls(DEFINITIONS, { gatewayRecordTypes: GATEWAY_TYPES });

/** The resources a user may perform an operation on, e.g. every topic transport may WRITE. */
function allowed(acls: KafkaAcl[], user: string, operation: string, type = 'TOPIC'): string[] {
  return acls
    .filter(
      (acl) =>
        acl.principal === `User:${user}` &&
        acl.resourceType === type &&
        acl.operations.includes(operation as KafkaAcl['operations'][number]),
    )
    .map((acl) => acl.resourceName)
    .sort();
}

describe('kafkaAcls', () => {
  it('lets each adapter write only the topics of the record types it publishes', () => {
    for (const adapter of DEFINITIONS) {
      expect(allowed(ACLS, adapter.name, 'WRITE')).toEqual(
        [...adapter.publishes.map(topicFor)].sort(),
      );
    }
    expect(allowed(ACLS, 'transport', 'WRITE')).toEqual(['spean.vehicle-registration']);
  });

  it('lets each adapter read only what its reactions consume, with its own group', () => {
    expect(allowed(ACLS, 'transport', 'READ')).toEqual(['spean.civil-event']);
    expect(allowed(ACLS, 'land', 'READ')).toEqual([]);
    for (const adapter of DEFINITIONS)
      expect(allowed(ACLS, adapter.name, 'READ', 'GROUP')).toEqual([adapter.name]);
  });

  it('lets the gateway read every canonical topic with its read-model group, and write nothing', () => {
    const canonical = [...new Set(GATEWAY_TYPES.map(topicFor))].sort();
    expect(allowed(ACLS, 'gateway', 'READ')).toEqual(canonical);
    expect(allowed(ACLS, 'gateway', 'WRITE')).toEqual([]);
    expect(allowed(ACLS, 'gateway', 'READ', 'GROUP')).toEqual([READ_MODEL_GROUP]);
    // It shows each adapter's consumer lag: their offsets, not their messages.
    expect(allowed(ACLS, 'gateway', 'DESCRIBE', 'GROUP')).toEqual(
      [READ_MODEL_GROUP, ...DEFINITIONS.map((adapter) => adapter.name)].sort(),
    );
    // Every record type an adapter publishes reaches the gateway.
    for (const type of DEFINITIONS.flatMap((adapter) => adapter.publishes))
      expect(canonical).toContain(topicFor(type));
  });

  it('grants only literal names (no wildcard, no prefix) and nothing on the cluster', () => {
    for (const acl of ACLS) {
      expect(acl.resourceName).not.toMatch(/[*]/);
      expect(['TOPIC', 'GROUP']).toContain(acl.resourceType);
    }
  });

  it('prefixes topics and groups with BUS_NAMESPACE when one is set', () => {
    const namespaced = kafkaAcls(DEFINITIONS, {
      gatewayRecordTypes: GATEWAY_TYPES,
      namespace: 'staging',
    });
    expect(allowed(namespaced, 'tax', 'WRITE')).toEqual(['staging.spean.taxpayer']);
    expect(allowed(namespaced, 'tax', 'READ', 'GROUP')).toEqual(['staging.tax']);
  });

  it('names a user for the gateway and for each adapter', () => {
    expect(kafkaUsers(DEFINITIONS)).toEqual([
      'gateway',
      'interior',
      'transport',
      'land',
      'commerce',
      'tax',
    ]);
  });

  it('renders one kafka-acls.sh command per grant', () => {
    const commands = kafkaAclCommands(ACLS);
    expect(commands).toHaveLength(ACLS.length);
    expect(commands).toContain(
      `"$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$KAFKA_ADMIN_CONFIG" ` +
        `--add --allow-principal 'User:transport' --operation WRITE --operation DESCRIBE --operation CREATE ` +
        `--topic 'spean.vehicle-registration' --resource-pattern-type literal`,
    );
  });

  it('keeps docker/kafka-acls.txt (read by kafka-local --secure and the compose setup) up to date', () => {
    const committed = fs.readFileSync(KAFKA_ACL_TABLE_FILE, 'utf8');
    // Out of date? npm run spean -- kafka acls > docker/kafka-acls.txt
    expect(committed).toBe(kafkaAclTable(ACLS));
    expect(parseKafkaAclTable(committed)).toEqual(ACLS);
    expect(usersOf(ACLS)).toEqual(kafkaUsers(DEFINITIONS).slice(1).concat('gateway'));
  });

  it('refuses a table line it cannot read, naming the line and the rule', () => {
    expect(() =>
      parseKafkaAclTable('# header\nUser:tax TOPIC spean.taxpayer WRITE,DELETE\n'),
    ).toThrow(
      /line 2 of the Kafka ACL table must read .* with OP one of READ, WRITE, CREATE, DESCRIBE/,
    );
    expect(() => parseKafkaAclTable('tax TOPIC spean.taxpayer WRITE')).toThrow(/line 1/);
  });
});
