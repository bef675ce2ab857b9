import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import type { Principal } from '#spean/access';
import { EnvReader } from '#spean/config';
import { Metrics } from '#spean/observability';
import { readGatewayLimits } from '../config/gateway-limits.config.js';
import { graphqlClientRateLimit } from './rate-limit.middleware.js';

const limits = readGatewayLimits(
  new EnvReader({ GRAPHQL_RATE_LIMIT_PER_SECOND: '1', GRAPHQL_RATE_LIMIT_BURST: '1' }),
  'test',
);

/** Runs one request through the limit: true if it passed. */
function passes(limit: ReturnType<typeof graphqlClientRateLimit>, principal: Principal): boolean {
  let passed = false;
  const response = { statusCode: 200, setHeader: () => undefined, end: () => undefined };
  limit({ principal } as unknown as Request, response as unknown as Response, () => {
    passed = true;
  });
  return passed;
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
  it('gives each signed-in person a limit of their own: one busy officer does not stop another', () => {
    const limit = graphqlClientRateLimit(limits, new Metrics('test'));
    expect(passes(limit, signedIn('dara'))).toBe(true);
    expect(passes(limit, signedIn('dara'))).toBe(false);
    expect(passes(limit, signedIn('vanna'))).toBe(true);
  });

  it('keeps one limit per client whatever officers the client itself names', () => {
    const limit = graphqlClientRateLimit(limits, new Metrics('test'));
    const desk = (subject: string): Principal => ({
      clientId: 'mef-desk',
      agencyId: 'mef',
      role: 'agency',
      person: person(subject, 'client'),
    });
    expect(passes(limit, desk('a'))).toBe(true);
    expect(passes(limit, desk('b'))).toBe(false);
  });
});
