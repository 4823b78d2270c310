// Every handler runs behind a guard: a throw is logged and answered with an error (requests) or
// dropped (notifications); the server keeps serving. Work started outside a handler (timers,
// fire-and-forget checks) runs behind `runGuarded`, so no failure becomes an unhandled rejection.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

export type Log = (message: string) => void;

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function guardRequest<P, R, T extends unknown[]>(
  log: Log,
  name: string,
  handler: (params: P, ...rest: T) => R | Promise<R>,
): (params: P, ...rest: T) => Promise<R | ResponseError<void>> {
  return async (params, ...rest) => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      // An answer the handler chose (shutting down, bad params): no failure to log.
      if (error instanceof ResponseError) return error as ResponseError<void>;
      log(`${name} failed: ${describeError(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `soc-ideas: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function guardNotification<P>(log: Log, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const done = handler(params);
      if (done) done.catch((error: unknown) => log(`${name} failed: ${describeError(error)}`));
    } catch (error) {
      log(`${name} failed: ${describeError(error)}`);
    }
  };
}

/** Run work nobody awaits (a timer, a check started by a notification): a failure is logged. */
export function runGuarded(log: Log, name: string, work: () => void | Promise<void>): void {
  guardNotification(log, name, work)(undefined);
}

export function errorLog(connection: Connection): Log {
  return (message) => connection.console.error(message);
}
