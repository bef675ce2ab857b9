// Consumers apply a record only if its version is newer. Within one batch the
// same record may come twice (and one SQL statement may touch a row only
// once), so a batch is first reduced to the newest version of each record.
export function newestVersions<R extends { recordType: string; recordId: string; version: number }>(
  records: readonly R[],
): R[] {
  const newest = new Map<string, R>();
  for (const record of records) {
    const id = `${record.recordType}\u0000${record.recordId}`;
    const seen = newest.get(id);
    if (!seen || seen.version < record.version) newest.set(id, record);
  }
  return [...newest.values()];
}
