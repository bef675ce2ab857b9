import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import type { GraphQLError } from 'graphql';
import {
  AccessControlException,
  AccessControlExceptionCode,
  AccessDeniedException,
  ClientException,
  ClientExceptionCode,
} from '#spean/access';
import { AdapterRegistryException, AdapterRegistryExceptionCode } from '#spean/adapter-registry';
import { EnvReader } from '#spean/config';
import { Metrics } from '#spean/observability';
import { SchemaRegistryException, SchemaRegistryExceptionCode } from '#spean/schema-registry';
import { AccessControlGraphqlFilter } from '../access-control/access-control-graphql.filter.js';
import { AdapterRegistryGraphqlFilter } from '../adapters/adapter-registry-graphql.filter.js';
import { CitizenGraphqlFilter } from '../citizen/citizen-graphql.filter.js';
import { CitizenException, CitizenExceptionCode } from '../citizen/citizen.exception.js';
import { ClientGraphqlFilter } from '../clients/client-graphql.filter.js';
import { readGatewayConfig } from '../config/gateway.config.js';
import { graphqlHardening } from '../hardening/graphql-hardening.js';
import { SchemaRegistryGraphqlFilter } from '../schemas/schema-registry-graphql.filter.js';
import { AccessDeniedGraphqlFilter } from './access-denied-graphql.filter.js';

const host = {} as ArgumentsHost;
const formatError = graphqlHardening(
  readGatewayConfig(new EnvReader({ DATA_DIR: '/nonexistent' })),
  new Metrics('gateway'),
).formatError!;

/** Every filter, with one exception for each of its domain codes. */
const cases: { filter: string; exception: Error; reason?: string }[] = [
  ...Object.values(CitizenExceptionCode).map((code) => ({
    filter: 'citizen',
    exception: new CitizenException(code, `citizen ${code}`),
    reason: code,
  })),
  ...Object.values(AccessControlExceptionCode).map((code) => ({
    filter: 'access-control',
    exception: new AccessControlException(code, `grant ${code}`),
    reason: code,
  })),
  ...Object.values(AdapterRegistryExceptionCode).map((code) => ({
    filter: 'adapter-registry',
    exception: new AdapterRegistryException(code, `adapter ${code}`),
    reason: code,
  })),
  ...Object.values(ClientExceptionCode).map((code) => ({
    filter: 'client',
    exception: new ClientException(code, `client ${code}`),
    reason: code,
  })),
  ...Object.values(SchemaRegistryExceptionCode).map((code) => ({
    filter: 'schema-registry',
    exception: new SchemaRegistryException(code, `schema ${code}`),
    reason: code,
  })),
  { filter: 'access-denied', exception: new AccessDeniedException('stewards only') },
];

const filters = {
  citizen: new CitizenGraphqlFilter(),
  'access-control': new AccessControlGraphqlFilter(),
  'adapter-registry': new AdapterRegistryGraphqlFilter(),
  client: new ClientGraphqlFilter(),
  'schema-registry': new SchemaRegistryGraphqlFilter(),
  'access-denied': new AccessDeniedGraphqlFilter(),
};

describe('GraphQL error filters', () => {
  it.each(cases)('answer $filter $reason with a code the client sees as given', (c) => {
    const filter = filters[c.filter as keyof typeof filters];
    const error = filter.catch(c.exception, host) as GraphQLError;
    expect(error.message).toBe(c.exception.message);
    if (c.reason !== undefined) expect(error.extensions['reason']).toBe(c.reason);
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error);
    expect(formatted).toEqual({ message: c.exception.message, extensions: error.extensions });
  });

  it('keep the details beside the code: field, rule, incompatibilities', () => {
    const client = new ClientGraphqlFilter().catch(
      new ClientException(ClientExceptionCode.INVALID_INPUT, 'bad name', {
        field: 'name',
        rule: 'pattern',
      }),
      host,
    ) as GraphQLError;
    expect(client.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      field: 'name',
      rule: 'pattern',
    });
    const denied = new AccessDeniedGraphqlFilter().catch(
      new AccessDeniedException('stewards only'),
      host,
    ) as GraphQLError;
    expect(denied.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
