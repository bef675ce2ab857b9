// Every Spean process logs through this: JSON lines in production (for the
// data centre's log shipper), plain lines elsewhere, no colour when output is
// not a terminal, and Nest's start-up chatter (every module and route it
// wires) kept to debug level so an operator sees what matters.
// Personal data is never passed to a logger: callers log counts, record types
// and ids of events, never national ids, names or payloads.
import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestFactory',
  'NestApplication',
]);

export class SpeanLogger extends ConsoleLogger {
  constructor(app: string, options: { level: 'error' | 'warn' | 'log' | 'debug'; json: boolean }) {
    super(app, {
      logLevels: nestLogLevels(options.level),
      json: options.json,
      colors: !options.json && Boolean(process.stdout.isTTY),
      prefix: 'spean',
    });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) {
      super.debug(message, ...rest);
      return;
    }
    super.log(message, ...rest);
  }
}

/** Nest's logger takes the list of levels to print; LOG_LEVEL names the quietest one. */
export function nestLogLevels(level: 'error' | 'warn' | 'log' | 'debug'): LogLevel[] {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
