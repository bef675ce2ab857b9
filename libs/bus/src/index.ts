export * from './event-bus.port.js';
export * from './topics.js';
export * from './partitioner.js';
export * from './work-loop.js';
export * from './embedded/embedded-event-bus.js';
export * from './create-event-bus.js';
export * from './namespaced-event-bus.js';
