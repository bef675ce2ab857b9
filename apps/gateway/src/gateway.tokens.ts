// Injection tokens for the values main.ts builds before Nest starts.
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const DATABASE = Symbol('DATABASE');
export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const SCHEMA_REGISTRY = Symbol('SCHEMA_REGISTRY');
export const GRANTABLE_SECTIONS = Symbol('GRANTABLE_SECTIONS');
export const AUDIT_LOG = Symbol('AUDIT_LOG');
