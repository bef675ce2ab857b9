// Reads settings from the environment with development defaults and collects
// every problem before failing, so a misconfigured deployment learns all of
// its mistakes at once. The only place in the project that reads process.env.

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

type Source = Record<string, string | undefined>;

export class EnvReader {
  private readonly problems: string[] = [];
  private readonly sensitive = new Set<string>();

  constructor(private readonly source: Source = process.env) {}

  string(name: string, fallback: string): string;
  string(name: string, fallback?: undefined): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    const raw = this.source[name];
    return raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  }

  /** A secret: never echoed in errors or in the printed configuration. */
  secret(name: string): string | undefined {
    this.sensitive.add(name);
    return this.string(name);
  }

  int(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, { min: 1, max: 65535 });
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}`);
    return fallback;
  }

  list(name: string): string[] {
    const raw = this.string(name);
    return raw === undefined
      ? []
      : raw
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
  }

  url(name: string, protocols: string[]): string | undefined {
    const raw = this.sensitive.has(name) ? this.source[name] : this.string(name);
    if (raw === undefined || raw.trim() === '') return undefined;
    try {
      const parsed = new URL(raw.trim());
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
        return undefined;
      }
      return raw.trim();
    } catch {
      // The value may carry a password: say what is wrong, not what it was.
      this.problems.push(`${name} is not a valid URL`);
      return undefined;
    }
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  /** Throws a ConfigurationError listing every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigurationError([...this.problems]);
  }
}
