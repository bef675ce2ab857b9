import 'reflect-metadata';
import { runAdapter } from '#spean/adapter-sdk';
import { COMMERCE_ADAPTER } from './commerce.adapter.js';

await runAdapter(COMMERCE_ADAPTER);
