// Where the Kafka transport reports what it cannot throw to a caller: handler
// failures being retried, lost connections, commits that did not land. Never
// given keys, values or reasons — they carry personal data.
export interface BusLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
