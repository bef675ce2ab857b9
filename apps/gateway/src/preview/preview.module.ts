// A steward's preview of what an agency's desk would see (previewAsAgency).
// It runs the citizen feature's lookup; see preview.resolver.ts.
import { Module } from '@nestjs/common';
import { PreviewResolver } from './preview.resolver.js';

@Module({ providers: [PreviewResolver] })
export class PreviewModule {}
