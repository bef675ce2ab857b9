// How the CLI's commands speak: results on standard output, problems on
// standard error, and a usage problem followed by the command's help with
// exit status 2. (client-command.ts writes to streams it is given instead.)

/** One line of a command's result, on standard output. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One line about a problem that does not stop the command, on standard error. */
export function warn(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The usage problems of a command: each written with its help; the exit status is 2. */
export function usageOf(help: string): (problem: string) => number {
  return (problem) => {
    process.stderr.write(`${problem}\n\n${help}`);
    return 2;
  };
}

/** The command line as `parse` reads it, or its problem written as `usage` writes it (a number: the exit status). */
export function parsedOr<T>(parse: () => T, usage: (problem: string) => number): T | number {
  try {
    return parse();
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

/** `<sub> [arguments …]`: the subcommand, and the rest as `parse` reads it; or, as parsedOr, the exit status. */
export function subcommandOr<T extends object>(
  args: readonly string[],
  parse: (rest: string[]) => T,
  usage: (problem: string) => number,
): (T & { sub: string | undefined }) | number {
  const [sub, ...rest] = args;
  const parsed = parsedOr(() => parse(rest), usage);
  return typeof parsed === 'number' ? parsed : { ...parsed, sub };
}

/**
 * Runs a command's work; a refusal of one of the given kinds (bad input, an
 * unknown name, a wrong state) is written as one line and the exit status is
 * 2, anything else is a fault and is thrown. `close` runs in every case.
 */
export async function refusalsExit(
  work: () => Promise<number>,
  refusals: ReadonlyArray<abstract new (...args: never[]) => Error>,
  options: { prefix?: string; close?: () => Promise<void> } = {},
): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!refusals.some((kind) => error instanceof kind)) throw error;
    process.stderr.write(`${options.prefix ?? ''}${(error as Error).message}\n`);
    return 2;
  } finally {
    await options.close?.();
  }
}
