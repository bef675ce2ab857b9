// Cursors of the pages read from the audit log (the citizen's access log, the
// auditors' explorer): the seq of the last entry shown, opaque to the client.
// Paging by seq keeps a page from shifting while entries are appended.

export function encodeSeqCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

/** The seq a cursor names, or null when it is not a cursor this gateway gave out. */
export function decodeSeqCursor(cursor: string): number | null {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}
