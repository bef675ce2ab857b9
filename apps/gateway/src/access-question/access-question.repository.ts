// All SQL of citizens' questions (table access_question).
import type { Queryable } from '#spean/persistence';

export interface AccessQuestion {
  id: string;
  entrySeq: number;
  /** The citizen who asked (their national id). */
  subjectId: string;
  reason: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

interface QuestionRow {
  id: string;
  entry_seq: string;
  subject_id: string;
  reason: string;
  asked_at: Date;
  answer: string | null;
  answered_at: Date | null;
}

const COLUMNS = `id, entry_seq, subject_id, reason, asked_at, answer, answered_at`;

export class AccessQuestionRepository {
  constructor(private readonly db: Queryable) {}

  /** Null when the entry was already questioned. */
  async insert(question: {
    id: string;
    entrySeq: number;
    subjectId: string;
    askedBy: string;
    reason: string;
  }): Promise<AccessQuestion | null> {
    const rows = await this.db.query<QuestionRow>(
      `INSERT INTO access_question (id, entry_seq, subject_id, asked_by, reason)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entry_seq) DO NOTHING RETURNING ${COLUMNS}`,
      [question.id, question.entrySeq, question.subjectId, question.askedBy, question.reason],
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  async open(limit: number): Promise<AccessQuestion[]> {
    const rows = await this.db.query<QuestionRow>(
      `SELECT ${COLUMNS} FROM access_question WHERE answered_at IS NULL ORDER BY asked_at LIMIT $1`,
      [limit],
    );
    return rows.map(toQuestion);
  }

  /** Answered questions, the newest answer first. */
  async answered(limit: number): Promise<AccessQuestion[]> {
    const rows = await this.db.query<QuestionRow>(
      `SELECT ${COLUMNS} FROM access_question WHERE answered_at IS NOT NULL
       ORDER BY answered_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toQuestion);
  }

  /** Null when there is no open question with this id. */
  async answer(id: string, answer: string, by: string): Promise<AccessQuestion | null> {
    const rows = await this.db.query<QuestionRow>(
      `UPDATE access_question SET answer = $2, answered_by = $3, answered_at = now()
       WHERE id = $1 AND answered_at IS NULL RETURNING ${COLUMNS}`,
      [id, answer, by],
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  async find(id: string): Promise<AccessQuestion | null> {
    const rows = await this.db.query<QuestionRow>(
      `SELECT ${COLUMNS} FROM access_question WHERE id = $1`,
      [id],
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }
}

function toQuestion(row: QuestionRow): AccessQuestion {
  return {
    id: row.id,
    entrySeq: Number(row.entry_seq),
    subjectId: row.subject_id,
    reason: row.reason,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  };
}
