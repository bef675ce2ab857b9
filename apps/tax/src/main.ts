import 'reflect-metadata';
import { runAdapter } from '#spean/adapter-sdk';
import { TAX_ADAPTER } from './tax.adapter.js';

await runAdapter(TAX_ADAPTER);
