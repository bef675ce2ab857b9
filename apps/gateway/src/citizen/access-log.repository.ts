// The record of every lookup of a citizen: who, for what purpose, which
// sections left and which were withheld. Written before the answer leaves.
import type { Queryable } from '#spean/persistence';

export interface AccessEntry {
  clientId: string;
  agencyId: string;
  subjectId: string;
  purpose: string;
  sectionsReturned: string[];
  sectionsDenied: string[];
}

export class AccessLogRepository {
  constructor(private readonly db: Queryable) {}

  async append(entry: AccessEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO access_log (client_id, agency_id, subject_id, purpose, sections_returned, sections_denied)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.clientId,
        entry.agencyId,
        entry.subjectId,
        entry.purpose,
        entry.sectionsReturned,
        entry.sectionsDenied,
      ],
    );
  }
}
