// A steward's decisions on an adapter, taken from the inbox and from the
// adapters page alike: one operation each.
import { graphql } from '../../gql';

export const APPROVE_ADAPTER = graphql(`
  mutation AdaptersApproveAdapter($name: String!, $reason: String!) {
    approveAdapter(name: $name, reason: $reason) {
      name
      state
    }
  }
`);

export const REJECT_ADAPTER = graphql(`
  mutation AdaptersRejectAdapter($name: String!, $reason: String!) {
    rejectAdapter(name: $name, reason: $reason) {
      name
      state
    }
  }
`);
