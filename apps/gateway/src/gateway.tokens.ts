// Injection tokens for the values main.ts builds before Nest starts. The
// gateway core module (core/gateway-core.module.ts) provides each of them to
// every feature module; the bus keeps its own token, EVENT_BUS, from #spean/bus.
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const DATABASE = Symbol('DATABASE');
export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const SCHEMA_REGISTRY = Symbol('SCHEMA_REGISTRY');
export const AUDIT_LOG = Symbol('AUDIT_LOG');
export const RECORD_VALIDATOR = Symbol('RECORD_VALIDATOR');
export const NATIONAL_IDS = Symbol('NATIONAL_IDS');
/** The public half of the audit checkpoints' signing key, or null when this gateway signs none. */
export const AUDIT_PUBLIC_KEY = Symbol('AUDIT_PUBLIC_KEY');
export const LINEAGE = Symbol('LINEAGE');
export const PSEUDONYMS = Symbol('PSEUDONYMS');
// Derived at boot from the schema catalogue (access/access.module.ts).
export const GRANTABLE_SECTIONS = Symbol('GRANTABLE_SECTIONS');
