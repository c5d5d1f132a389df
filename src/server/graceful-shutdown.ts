import type { FastifyInstance } from 'fastify';

/** How long in-flight requests (e.g. a streamed answer) get to finish after SIGTERM/SIGINT; under the usual 30 s kill deadline of orchestrators. */
const SHUTDOWN_GRACE_MS = 25_000;

/** Stops accepting connections, lets in-flight requests finish, then exits; a second signal exits at once. */
export function closeOnSignals(app: FastifyInstance, graceMs = SHUTDOWN_GRACE_MS): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    setTimeout(() => {
      app.log.error({ graceMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, graceMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
