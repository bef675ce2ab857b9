import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import type { Principal } from '#spean/access';
import { EnvReader } from '#spean/config';
import { Metrics } from '#spean/observability';
import { readGatewayLimits } from '../config/gateway-limits.config.js';
import { MemoryBucketStore } from './bucket-store.js';
import { graphqlClientRateLimit } from './rate-limit.middleware.js';

const limits = readGatewayLimits(
  new EnvReader({ GRAPHQL_RATE_LIMIT_PER_SECOND: '1', GRAPHQL_RATE_LIMIT_BURST: '1' }),
  'test',
);

/** Runs one request through the limit: true if it passed. */
function passes(
  limit: ReturnType<typeof graphqlClientRateLimit>,
  principal: Principal,
): Promise<boolean> {
  return new Promise((resolve) => {
    const response = { statusCode: 200, setHeader: () => undefined, end: () => resolve(false) };
    limit({ principal } as unknown as Request, response as unknown as Response, () =>
      resolve(true),
    );
  });
}

const person = (subject: string, statedBy: 'session' | 'client') => ({
  issuer: 'https://login.gov.kh',
  subject,
  name: subject,
  statedBy,
});
const signedIn = (subject: string): Principal => ({
  clientId: 'spean-console-officers',
  agencyId: 'mef',
  role: 'agency',
  person: person(subject, 'session'),
});

describe('graphqlClientRateLimit', () => {
  it('gives each signed-in person a limit of their own: one busy officer does not stop another', async () => {
    const limit = graphqlClientRateLimit(limits, new Metrics('test'), new MemoryBucketStore());
    expect(await passes(limit, signedIn('dara'))).toBe(true);
    expect(await passes(limit, signedIn('dara'))).toBe(false);
    expect(await passes(limit, signedIn('vanna'))).toBe(true);
  });

  it('keeps one limit per client whatever officers the client itself names', async () => {
    const limit = graphqlClientRateLimit(limits, new Metrics('test'), new MemoryBucketStore());
    const desk = (subject: string): Principal => ({
      clientId: 'mef-desk',
      agencyId: 'mef',
      role: 'agency',
      person: person(subject, 'client'),
    });
    expect(await passes(limit, desk('a'))).toBe(true);
    expect(await passes(limit, desk('b'))).toBe(false);
  });
});
