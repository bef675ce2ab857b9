import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, EnvReader } from '#spean/config';
import { readGatewayLimits } from './gateway-limits.config.js';

describe('readGatewayLimits', () => {
  it('has defaults that admit a busy back office behind one client, and no more', () => {
    const limits = readGatewayLimits(new EnvReader({}), 'development');
    expect(limits).toEqual({
      maxDepth: 10,
      maxAliases: 20,
      maxCost: 5_000,
      listFactor: 10,
      maxTokens: 5_000,
      maxBodyBytes: 102_400,
      hideSchemaDetails: false,
      clientRatePerSecond: 200,
      clientBurst: 400,
      clientLease: 0,
      tokenFailuresPerMinute: 30,
      tokenFailureBurst: 20,
      tokenClientFailuresPerMinute: 120,
      tokenClientFailureBurst: 100,
      tokenCheckConcurrency: 4,
      tokenCheckQueue: 200,
    });
    expect(readGatewayLimits(new EnvReader({}), 'production').hideSchemaDetails).toBe(true);
  });

  it('reads every setting, 0 turning the rate limits off', () => {
    const limits = readGatewayLimits(
      new EnvReader({
        GRAPHQL_MAX_DEPTH: '6',
        GRAPHQL_MAX_ALIASES: '0',
        GRAPHQL_MAX_COST: '800',
        GRAPHQL_LIST_FACTOR: '5',
        GRAPHQL_MAX_TOKENS: '900',
        GRAPHQL_MAX_BODY_BYTES: '8192',
        GRAPHQL_HIDE_SCHEMA_DETAILS: 'on',
        GRAPHQL_RATE_LIMIT_PER_SECOND: '0',
        GRAPHQL_RATE_LIMIT_BURST: '40',
        AUTH_TOKEN_FAILURES_PER_MINUTE: '0',
        AUTH_TOKEN_FAILURE_BURST: '5',
        AUTH_TOKEN_CLIENT_FAILURES_PER_MINUTE: '0',
        AUTH_TOKEN_CLIENT_FAILURE_BURST: '7',
        AUTH_TOKEN_CHECK_CONCURRENCY: '2',
        AUTH_TOKEN_CHECK_QUEUE: '0',
      }),
      'development',
    );
    expect(limits).toEqual({
      maxDepth: 6,
      maxAliases: 0,
      maxCost: 800,
      listFactor: 5,
      maxTokens: 900,
      maxBodyBytes: 8192,
      hideSchemaDetails: true,
      clientRatePerSecond: 0,
      clientBurst: 40,
      clientLease: 0,
      tokenFailuresPerMinute: 0,
      tokenFailureBurst: 5,
      tokenClientFailuresPerMinute: 0,
      tokenClientFailureBurst: 7,
      tokenCheckConcurrency: 2,
      tokenCheckQueue: 0,
    });
  });

  it('refuses values that would switch a limit off by accident, naming each', () => {
    const env = new EnvReader({
      GRAPHQL_MAX_DEPTH: '1',
      GRAPHQL_MAX_COST: '0',
      GRAPHQL_MAX_BODY_BYTES: '100kb',
      GRAPHQL_RATE_LIMIT_BURST: '0',
    });
    readGatewayLimits(env, 'production');
    let problems: string[] = [];
    try {
      env.done();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      problems = (error as ConfigurationError).problems;
    }
    expect(problems).toEqual([
      'GRAPHQL_MAX_DEPTH must be a whole number from 2 to 100',
      'GRAPHQL_MAX_COST must be a whole number from 1 to 10000000',
      'GRAPHQL_MAX_BODY_BYTES must be a whole number from 1024 to 16777216',
      'GRAPHQL_RATE_LIMIT_BURST must be a whole number from 1 to 1000000',
    ]);
  });
});
