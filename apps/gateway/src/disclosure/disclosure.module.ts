// Purposes disclosed later (setPurposeDisclosure): see disclosure.resolver.ts.
// The delay itself is applied where entries are written (citizen-access.ts)
// and read (access-log/).
import { Module } from '@nestjs/common';
import { DisclosureResolver } from './disclosure.resolver.js';

@Module({ providers: [DisclosureResolver] })
export class DisclosureModule {}
