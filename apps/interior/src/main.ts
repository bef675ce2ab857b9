import 'reflect-metadata';
import { runAdapter } from '#spean/adapter-sdk';
import { INTERIOR_ADAPTER } from './interior.adapter.js';

await runAdapter(INTERIOR_ADAPTER);
