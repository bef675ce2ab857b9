import 'reflect-metadata';
import { runAdapter } from '#spean/adapter-sdk';
import { LAND_ADAPTER } from './land.adapter.js';

await runAdapter(LAND_ADAPTER);
