/**
 * What went wrong in a model call, in the terms the retry policy needs: can it be
 * retried, and did the server say when.
 */

/** A failed model call. `attempts` is set once the retry policy gives up. */
export class ModelCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    public attempts = 1,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}

/** Statuses worth another attempt: timeouts, conflicts, rate limits, server errors (incl. 529 overloaded). */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (Number.isFinite(Number(value))) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Classifies an error thrown by the Anthropic or OpenAI SDK (both are Stainless clients
 * with the same error classes): API errors by status, connection errors and timeouts as
 * retryable, a body that is not JSON as retryable, anything else as a bug not to retry.
 */
export function classifySdkError(error: unknown): ModelCallError {
  if (error instanceof ModelCallError) return error;
  const name = (error as { constructor?: { name?: string } })?.constructor?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number') {
    const headers = (error as { headers?: { get(name: string): string | null } }).headers;
    return new ModelCallError(`HTTP ${status}: ${message}`, isRetryableStatus(status), status, retryAfterMs(headers));
  }
  if (name === 'APIConnectionTimeoutError') return new ModelCallError(`timed out: ${message}`, true);
  if (name === 'APIConnectionError') return new ModelCallError(`connection failed: ${message}`, true);
  if (error instanceof SyntaxError) return new ModelCallError(`malformed response body: ${message}`, true);
  return new ModelCallError(message, false);
}
