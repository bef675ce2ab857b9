import 'reflect-metadata';
import { runAdapter } from '#spean/adapter-sdk';
import { TRANSPORT_ADAPTER } from './transport.adapter.js';

await runAdapter(TRANSPORT_ADAPTER);
