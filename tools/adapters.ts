// Every adapter app, by name: what `npm start` runs and the CLI addresses.
import type { AdapterDefinition } from '#spean/adapter-sdk';
import { COMMERCE_ADAPTER } from '../apps/commerce/src/commerce.adapter.js';
import { INTERIOR_ADAPTER } from '../apps/interior/src/interior.adapter.js';
import { LAND_ADAPTER } from '../apps/land/src/land.adapter.js';
import { TAX_ADAPTER } from '../apps/tax/src/tax.adapter.js';
import { TRANSPORT_ADAPTER } from '../apps/transport/src/transport.adapter.js';

export const ADAPTERS = {
  interior: INTERIOR_ADAPTER,
  transport: TRANSPORT_ADAPTER,
  land: LAND_ADAPTER,
  commerce: COMMERCE_ADAPTER,
  tax: TAX_ADAPTER,
} as const satisfies Record<string, AdapterDefinition>;

export type AdapterName = keyof typeof ADAPTERS;

export function isAdapterName(name: string): name is AdapterName {
  return Object.hasOwn(ADAPTERS, name);
}
