import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { EnvReader } from '#spean/config';
import { Metrics } from '#spean/observability';
import { readGatewayConfig } from '../config/gateway.config.js';
import {
  CLIENT_ERROR_CODES,
  graphqlHardening,
  INTERNAL_ERROR_MESSAGE,
} from './graphql-hardening.js';

function hardening(env: Record<string, string> = {}) {
  const config = readGatewayConfig(new EnvReader({ DATA_DIR: '/nonexistent', ...env }));
  const metrics = new Metrics('gateway');
  const options = graphqlHardening(config, metrics);
  const format = (error: { message: string; extensions?: Record<string, unknown> }) =>
    options.formatError!(error, undefined);
  const refusals = async (): Promise<string[]> =>
    (await metrics.registry.metrics())
      .split('\n')
      .filter((line) => line.startsWith('spean_limit_refusals_total{'));
  return { config, options, format, refusals };
}

describe('graphqlHardening', () => {
  it('hides schema details and stack traces in production, and shows them in development', () => {
    const production = hardening({ NODE_ENV: 'production' }).options;
    expect(production.hideSchemaDetailsFromClientErrors).toBe(true);
    expect(production.includeStacktraceInErrorResponses).toBe(false);
    const development = hardening().options;
    expect(development.hideSchemaDetailsFromClientErrors).toBe(false);
    expect(development.includeStacktraceInErrorResponses).toBe(true);
    const asked = hardening({ GRAPHQL_HIDE_SCHEMA_DETAILS: 'true' }).options;
    expect(asked.hideSchemaDetailsFromClientErrors).toBe(true);
  });

  it('hands the limits from the settings to Apollo', () => {
    const { options } = hardening({ GRAPHQL_MAX_TOKENS: '1234' });
    expect(options.parseOptions).toEqual({ maxTokens: 1234 });
    expect(options.validationRules).toHaveLength(3);
  });

  it('says a token refusal like the other limits, and counts it', async () => {
    const { format, refusals } = hardening({ GRAPHQL_MAX_TOKENS: '300' });
    const formatted = format({
      message: 'Syntax Error: Document contains more that 300 tokens. Parsing aborted.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(formatted).toEqual({
      message: 'query token count exceeds the limit of 300',
      extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens', maximum: 300 },
    });
    expect(await refusals()).toEqual([
      'spean_limit_refusals_total{limit="tokens",app="gateway"} 1',
    ]);
  });

  it('counts validation refusals by limit, and nothing else', async () => {
    const { format, refusals } = hardening();
    format({
      message: 'query cost 6000 exceeds the limit of 5000',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maximum: 5000 },
    });
    format({
      message: 'invalid national id',
      extensions: { code: 'BAD_USER_INPUT', limit: 'cost' },
    });
    format({
      message: 'Syntax Error: Unexpected "}".',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(await refusals()).toEqual(['spean_limit_refusals_total{limit="cost",app="gateway"} 1']);
  });

  it('drops "Did you mean" from any error when details are hidden (variables too)', () => {
    const message =
      'Variable "$x" got invalid value "ACTIV"; Value "ACTIV" does not exist in "Status" enum. Did you mean the enum value "ACTIVE"?';
    const hidden = hardening({ GRAPHQL_HIDE_SCHEMA_DETAILS: 'true' }).format({
      message,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(hidden.message).toBe(
      'Variable "$x" got invalid value "ACTIV"; Value "ACTIV" does not exist in "Status" enum.',
    );
    expect(hardening().format({ message, extensions: { code: 'BAD_USER_INPUT' } }).message).toBe(
      message,
    );
  });

  describe('errors without a code a client may see', () => {
    const databaseError = Object.assign(
      new Error('invalid byte sequence for encoding "UTF8": 0x00 near "4016698706"'),
      { code: '22021' },
    );

    it.each(['development', 'production'])(
      'are answered generically in %s, with no text of their own',
      (environment) => {
        const { options } = hardening({ NODE_ENV: environment });
        const formatted = options.formatError!(
          {
            message: databaseError.message,
            path: ['schema'],
            locations: [{ line: 1, column: 3 }],
            extensions: {
              code: 'INTERNAL_SERVER_ERROR',
              stacktrace: [`QueryFailedError: ${databaseError.message}`],
            },
          },
          databaseError,
        );
        expect(formatted).toEqual({
          message: INTERNAL_ERROR_MESSAGE,
          path: ['schema'],
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    );

    it('include an error with no code, or a code no filter gives', () => {
      const { format } = hardening();
      for (const extensions of [undefined, {}, { code: 42 }, { code: 'SOMETHING_ELSE' }]) {
        expect(format({ message: 'relation "client" does not exist', extensions })).toEqual({
          message: INTERNAL_ERROR_MESSAGE,
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      }
    });

    it('leave every code a client may see as it was', () => {
      const { format } = hardening();
      for (const code of CLIENT_ERROR_CODES) {
        expect(format({ message: 'said on purpose', extensions: { code } })).toEqual({
          message: 'said on purpose',
          extensions: { code },
        });
      }
    });

    it('are logged by kind and database code, never by their text', () => {
      const logged: string[] = [];
      const original = Logger.prototype.error;
      Logger.prototype.error = function (message: unknown) {
        logged.push(String(message));
      };
      try {
        hardening().options.formatError!(
          { message: databaseError.message, path: ['lineage'], extensions: {} },
          databaseError,
        );
      } finally {
        Logger.prototype.error = original;
      }
      expect(logged).toEqual(['internal error at lineage: Error (code 22021)']);
    });
  });
});
