import { describeOutbox } from './adapter-outbox.suite.js';

describeOutbox('kafka');
