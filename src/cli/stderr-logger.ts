import type { FastifyBaseLogger } from 'fastify';

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
type LevelName = keyof typeof LEVELS;

/** A short human line for a pino-style call: `(msg)`, `(obj, msg)` or `({ err }, msg)`. */
function describe(args: unknown[]): string {
  const [first, second] = args;
  if (typeof first === 'string') return first;
  const message = typeof second === 'string' ? second : '';
  if (first instanceof Error) return `${message}${message ? ': ' : ''}${first.message}`;
  if (typeof first === 'object' && first !== null) {
    const { err, ...rest } = first as Record<string, unknown>;
    const reason = err instanceof Error ? `: ${err.message}` : '';
    const details = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return `${message}${reason}${details}`;
  }
  return message;
}

/**
 * The engine logs through a pino-shaped logger; the CLI has no Fastify, so this writes plain lines to
 * stderr (keeping stdout for the answer and --json) instead of pulling in pino for a few lines.
 */
export function stderrLogger(level: string, write: (line: string) => void = (line) => process.stderr.write(line)): FastifyBaseLogger {
  const threshold = level in LEVELS ? LEVELS[level as LevelName] : Number.POSITIVE_INFINITY;
  const at =
    (name: LevelName) =>
    (...args: unknown[]) => {
      if (LEVELS[name] >= threshold) write(`[${name}] ${describe(args)}\n`);
    };
  const logger: FastifyBaseLogger = {
    level,
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    silent: () => undefined,
    child: () => logger,
  };
  return logger;
}
