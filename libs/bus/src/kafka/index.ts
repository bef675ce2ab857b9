export { KafkaEventBus, type KafkaEventBusOptions } from './kafka-event-bus.js';
export type { BusLogger } from './bus-logger.js';
export type { KafkaSasl } from './kafka-sasl.js';
