// What the gateway's logs may say of an unexpected error: its kind and its
// database code (SQLSTATE), never its text, which may quote a national id.
// One description for both places that log such errors: GraphQL's formatError
// and the last Express error handler.

/** "QueryFailedError (code 23505)", or the kind alone when there is no code. */
export function describeFault(error: unknown): string {
  const kind = error instanceof Error ? error.constructor.name : typeof error;
  // TypeORM keeps PostgreSQL's code on driverError; the pg driver on the error itself.
  const sqlState =
    (error as { driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  return typeof sqlState === 'string' ? `${kind} (code ${sqlState})` : kind;
}
