export { KafkaEventBus, type KafkaEventBusOptions } from './kafka-event-bus.js';
export type { BusLogger } from './bus-logger.js';
export { DEAD_LETTER_HEADERS } from './dead-letter-record.js';
export type { KafkaSasl } from './kafka-sasl.js';
