// `spean kafka acls`: the Kafka ACLs of every adapter and the gateway, derived
// from their definitions (tools/kafka-acls.ts), as the table kept in
// docker/kafka-acls.txt or as kafka-acls.sh commands for an operator's cluster.
import { CITIZEN_SECTIONS } from '#spean/access';
import { ADAPTERS } from './adapters.js';
import { kafkaAclCommands, kafkaAclTable, kafkaAcls } from './kafka-acls.js';

export const KAFKA_HELP = `  kafka acls [--commands]       Print the Kafka ACLs of the gateway and each adapter (the table in
                                docker/kafka-acls.txt), or as kafka-acls.sh commands. BUS_NAMESPACE
                                prefixes topics and groups.
`;

export function speanKafkaAcls(namespace: string | undefined) {
  return kafkaAcls(Object.values(ADAPTERS), {
    gatewayRecordTypes: CITIZEN_SECTIONS.map((section) => section.recordType),
    namespace,
  });
}

export function kafkaCommand(argv: string[], namespace: string | undefined): number {
  const [sub, ...rest] = argv;
  if (sub !== 'acls' || rest.some((arg) => arg !== '--commands')) {
    process.stderr.write(`Usage:\n${KAFKA_HELP}`);
    return 2;
  }
  const acls = speanKafkaAcls(namespace);
  process.stdout.write(
    rest.includes('--commands') ? `${kafkaAclCommands(acls).join('\n')}\n` : kafkaAclTable(acls),
  );
  return 0;
}
