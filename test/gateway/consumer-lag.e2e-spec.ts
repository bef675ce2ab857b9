import { describeConsumerLag } from './consumer-lag.suite.js';

describeConsumerLag('embedded');
