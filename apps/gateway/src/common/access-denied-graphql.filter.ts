// A caller whose role does not allow the task: FORBIDDEN.
import { AccessDeniedException } from '#spean/access';
import { graphqlErrorFilter } from './graphql-error-filter.js';

export const AccessDeniedGraphqlFilter = graphqlErrorFilter(AccessDeniedException, () => ({
  code: 'FORBIDDEN',
}));
