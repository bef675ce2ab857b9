// The GraphQL context every resolver reads: the principal the bearer
// authentication resolved for this request.
import type { Principal } from '#spean/access';

export interface GatewayContext {
  principal: Principal;
}
