// The Ministry of Interior adapter: the identity source. It publishes persons,
// their addresses and civil (life) events keyed by national id, and keeps its
// person and address records in step with the events it registers.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { civilRegisterReaction } from './civil-register.reaction.js';

export const INTERIOR_ADAPTER: AdapterDefinition = {
  name: 'interior',
  title: 'Ministry of Interior',
  defaultPort: 3101,
  publishes: ['person', 'address', 'civil-event'],
  reactions: [civilRegisterReaction],
};
