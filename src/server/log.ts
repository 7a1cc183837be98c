/**
 * The server's request log: one entry per request, kept in memory and optionally appended
 * to a JSONL file. It records where a request went and how it ended, never its headers
 * (API keys must not reach a log) and never its body.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { FAULT_KINDS, type FaultKind } from './faults.js';

/** One request as the log keeps it. */
export interface LoggedRequest {
  /** 1, 2, 3... in order of arrival. */
  seq: number;
  /** When the request arrived, ISO 8601. */
  time: string;
  api: 'anthropic' | 'openai' | 'models';
  path: string;
  /** The model the request named (the server's default when it named none). */
  model?: string;
  /** From the `x-saydo-probe` header. */
  probeId?: string;
  /** From the `x-saydo-purpose` header. */
  purpose?: string;
  fault?: FaultKind;
  /** The reference model's own simulated failure (its `errorRate`), answered with a 500. */
  modelError?: true;
  /** The HTTP status sent; 0 when no response was sent (a reset, or the client gave up first). */
  status: number;
  /** From arrival to the last byte sent (or to the connection's end). */
  latencyMs: number;
}

/** The status class a count is kept under: `2xx`, `4xx`, `5xx`, or `no-response`. */
function statusClass(status: number): string {
  return status === 0 ? 'no-response' : `${Math.floor(status / 100)}xx`;
}

/** The in-memory log, mirrored to a JSONL file when one is given. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private writes: Promise<void> = Promise.resolve();
  private writeError: unknown;

  private constructor(private readonly file: FileHandle | undefined) {}

  /** Opens the log; the file (if any) is opened for appending now, so a bad path fails at start. */
  static async open(path?: string): Promise<RequestLog> {
    return new RequestLog(path === undefined ? undefined : await open(path, 'a'));
  }

  /** Records one finished request. */
  add(finished: LoggedRequest): void {
    // Fields in one fixed order, so JSONL lines read alike whatever order they were learnt in.
    const { seq, time, api, path, model, probeId, purpose, fault, modelError, status, latencyMs } = finished;
    const entry: LoggedRequest = {
      seq,
      time,
      api,
      path,
      ...(model === undefined ? {} : { model }),
      ...(probeId === undefined ? {} : { probeId }),
      ...(purpose === undefined ? {} : { purpose }),
      ...(fault === undefined ? {} : { fault }),
      ...(modelError === undefined ? {} : { modelError }),
      status,
      latencyMs,
    };
    this.entries.push(entry);
    const file = this.file;
    if (file) {
      // Chained, so lines land in the order requests finished; the first failure is reported by close().
      this.writes = this.writes
        .then(() => file.appendFile(JSON.stringify(entry) + '\n'))
        .catch((error: unknown) => {
          this.writeError ??= error;
        });
    }
  }

  /** Every entry so far, in order of arrival. */
  list(): LoggedRequest[] {
    return [...this.entries].sort((a, b) => a.seq - b.seq);
  }

  /** Totals: `requests`; `ok` (answered 2xx with no fault); each fault kind seen; `modelError` (the reference model's simulated failures); each status class seen (`2xx`, `4xx`, `5xx`, `no-response`). */
  counts(): Record<string, number> {
    const tally = new Map<string, number>();
    const bump = (key: string): void => {
      tally.set(key, (tally.get(key) ?? 0) + 1);
    };
    for (const entry of this.entries) {
      if (entry.fault) bump(entry.fault);
      if (entry.modelError) bump('modelError');
      if (!entry.fault && !entry.modelError && entry.status >= 200 && entry.status < 300) bump('ok');
      bump(statusClass(entry.status));
    }
    // A fixed key order, so printed counts read the same every time.
    const order = ['ok', ...FAULT_KINDS, 'modelError', '2xx', '4xx', '5xx', 'no-response'];
    const counts: Record<string, number> = { requests: this.entries.length, ok: 0 };
    for (const key of order) if (tally.has(key)) counts[key] = tally.get(key)!;
    return counts;
  }

  /** Waits for pending writes and closes the file; throws if a write failed. */
  async close(): Promise<void> {
    await this.writes;
    await this.file?.close();
    if (this.writeError !== undefined) throw this.writeError;
  }
}
