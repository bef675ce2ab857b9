import { describeLifeEvents } from './life-events.suite.js';

describeLifeEvents('embedded');
