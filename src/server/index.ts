/**
 * The local API server (`saydo serve`): Anthropic's Messages API and OpenAI's Chat
 * Completions API on 127.0.0.1, answered by the reference models, with seeded fault
 * injection, so the real SDK clients and promptfoo's own providers can be driven against
 * known answers. See docs/server.md.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { usePairBook } from '../families/pairs/book.js';
import { simulatedFailure } from '../reference/model.js';
import { personaSchema, DISPOSITIONS, type Disposition, type Persona, type PersonaInput } from '../reference/persona.js';
import { describeIssues } from '../validate.js';
import { anthropicDialect } from './anthropic.js';
import { checkFaultRates, faultDrawer, type FaultKind, type FaultRates } from './faults.js';
import { RequestLog, type LoggedRequest } from './log.js';
import { modelList } from './models.js';
import { openaiDialect } from './openai.js';
import { composeAnswer, dispositionOf, isRecord, unknownModelMessage, WireError, type Dialect } from './wire.js';

export { faultRatesFromTotal, FAULT_KINDS, type FaultKind, type FaultRates } from './faults.js';
export type { LoggedRequest } from './log.js';

export interface ServerOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** The reference model of requests that name none, e.g. 'reference:honest' (the default). */
  model?: string;
  /**
   * The reference model that answers a request naming a model not served here (`gpt-4.1`,
   * `claude-sonnet-4-5`), so a suite runs against this server unchanged, provider ids and
   * all. Absent: such a request is refused with the served names.
   */
  anyModel?: string;
  /**
   * A pair book (src/families/pairs/book.ts) to read the pairs of a suite run in another
   * process from (that process sets `SAYDO_PAIR_BOOK` to the same file).
   */
  pairBook?: string;
  /** The persona settings (src/reference/persona.ts) of every reference model served; the model name gives only the disposition. */
  persona?: Omit<PersonaInput, 'disposition'>;
  /** Added to every response. */
  latencyMs?: number;
  /** Per-kind probabilities, each in [0,1], sum <= 1. */
  faults?: FaultRates;
  /** Seeds the fault draws (a deterministic sequence of draws); default 1. */
  faultSeed?: number;
  /** How long a 'stall' holds the request before answering (default 30000; the client's timeout should fire first). */
  stallMs?: number;
  /** Also append the request log here as JSONL. */
  logFile?: string;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Every request so far, in order of arrival. */
  log(): LoggedRequest[];
  /** Totals by fault kind, `ok`, and status class (see RequestLog.counts). */
  counts(): Record<string, number>;
  /** Stops listening, drops held and open connections, flushes the log file. */
  close(): Promise<void>;
}

/** The only address the server ever binds. */
const HOST = '127.0.0.1';
const DEFAULT_MODEL = 'reference:honest';
const DEFAULT_STALL_MS = 30_000;
/** Far above any saydo request; stops a runaway client from filling memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const personaSettingsSchema = personaSchema.omit({ disposition: true }).strict();

/** Throws unless `value` is an integer in [min, max]. */
function checkInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer in [${min}, ${max}] (got ${value})`);
}

/** One persona per disposition, all with the same settings; throws a readable error for bad settings. */
function personas(settings: ServerOptions['persona']): Record<Disposition, Persona> {
  const parsed = personaSettingsSchema.safeParse(settings ?? {});
  if (!parsed.success) throw new Error(describeIssues('persona', parsed.error));
  return Object.fromEntries(DISPOSITIONS.map((disposition) => [disposition, { ...parsed.data, disposition }])) as Record<Disposition, Persona>;
}

/** The request path without its query (a query may carry a key: it is never logged). */
function pathOf(url: string | undefined): string {
  // Split, not parsed as a URL: a path like `//x` must not be read as a host.
  return (url ?? '/').split('?')[0]!;
}

/** Which API a request is for: by path, and for unknown paths by Anthropic's headers. */
function apiOf(path: string, headers: IncomingHttpHeaders): LoggedRequest['api'] {
  if (path === '/v1/messages') return 'anthropic';
  if (path === '/v1/chat/completions') return 'openai';
  if (path === '/v1/models') return 'models';
  return headers['x-api-key'] !== undefined || headers['anthropic-version'] !== undefined ? 'anthropic' : 'openai';
}

/** The saydo headers a backend sends, the only headers ever recorded. */
function saydoFields(headers: IncomingHttpHeaders): Pick<LoggedRequest, 'probeId' | 'purpose'> {
  const probe = headers['x-saydo-probe'];
  const purpose = headers['x-saydo-purpose'];
  return { ...(typeof probe === 'string' ? { probeId: probe } : {}), ...(typeof purpose === 'string' ? { purpose } : {}) };
}

/** Waits `ms`, or less if `signal` aborts first; true when the wait ran its course. */
function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The request body as JSON; a WireError for one too large or not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new WireError('request_too_large', `the request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new WireError('invalid_request', 'the request body is not valid JSON');
  }
}

/** A log entry while its request is under way: how it ends is not known yet. */
type Entry = Omit<LoggedRequest, 'status' | 'latencyMs'>;

/** Why an injected error says so: people reading a failed run should not blame the client. */
const INJECTED = '(injected by saydo serve)';

/** Starts the server on 127.0.0.1 and resolves once it listens. Throws a readable error for bad options. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? 0;
  checkInteger('port', port, 0, 65_535);
  const latencyMs = options.latencyMs ?? 0;
  checkInteger('latencyMs', latencyMs, 0);
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  checkInteger('stallMs', stallMs, 0);
  const faultSeed = options.faultSeed ?? 1;
  checkInteger('faultSeed', faultSeed, Number.MIN_SAFE_INTEGER);
  const defaultModel = options.model ?? DEFAULT_MODEL;
  if (!dispositionOf(defaultModel)) throw new Error(unknownModelMessage(defaultModel));
  if (options.pairBook) usePairBook(options.pairBook);
  const anyModel = options.anyModel === undefined ? undefined : dispositionOf(options.anyModel);
  if (options.anyModel !== undefined && !anyModel) throw new Error(`anyModel: ${unknownModelMessage(options.anyModel)}`);
  const byDisposition = personas(options.persona);
  const faults = options.faults ?? {};
  checkFaultRates(faults);
  const drawFault = faultDrawer(faults, faultSeed);
  const log = await RequestLog.open(options.logFile);

  /** Requests under way: each one's abort (which lets a held request go) and when it is logged. */
  const live = new Map<AbortController, Promise<void>>();
  let seq = 0;

  /** Handles one request; every path through it ends in a response or a dropped connection. */
  async function serve(req: IncomingMessage, res: ServerResponse, entry: Entry, signal: AbortSignal): Promise<void> {
    const dialect: Dialect = entry.api === 'anthropic' ? anthropicDialect : openaiDialect;
    const send = async (status: number, body: string, headers: Record<string, string> = {}): Promise<void> => {
      if (!(await delay(latencyMs, signal))) return;
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        [dialect.requestIdHeader]: dialect.newRequestId(),
        ...headers,
      });
      res.end(body);
    };
    const fail = (error: WireError, headers?: Record<string, string>): Promise<void> => {
      const reply = dialect.error(error);
      return send(reply.status, JSON.stringify(reply.body), headers);
    };

    try {
      const method = req.method ?? 'GET';
      const { path } = entry;
      const chat = path === '/v1/messages' || path === '/v1/chat/completions';
      if (!(chat && method === 'POST') && !(path === '/v1/models' && method === 'GET')) {
        throw new WireError('no_route', `no route ${method} ${path}; this server answers POST /v1/messages, POST /v1/chat/completions and GET /v1/models`);
      }
      // The model list accepts either API's credentials: both SDKs can list models.
      const authorized = entry.api === 'models' ? anthropicDialect.authorized(req.headers) : dialect.authorized(req.headers);
      if (!authorized) throw new WireError('authentication', dialect.missingKeyMessage);
      if (entry.api === 'models') return await send(200, JSON.stringify(modelList()));

      const request = await readJson(req);
      // Logged before validation, so a refused request still shows which model it asked for.
      if (isRecord(request) && typeof request.model === 'string') entry.model = request.model;
      const parsed = dialect.parse(request);
      const model = parsed.model ?? defaultModel;
      entry.model = model;
      const disposition = dispositionOf(model) ?? anyModel;
      if (!disposition) throw new WireError('not_found', unknownModelMessage(model));

      // Only well-formed requests for a served model draw, one number each, so a seed fixes which requests fail.
      const fault: FaultKind | undefined = drawFault();
      if (fault) entry.fault = fault;
      switch (fault) {
        case 'rateLimit':
          return await fail(new WireError('rate_limit', `rate limit exceeded ${INJECTED}`), { 'retry-after': '1', 'retry-after-ms': '1000' });
        case 'serverError':
          return await fail(new WireError('server_error', `internal server error ${INJECTED}`));
        case 'overloaded':
          return await fail(new WireError('overloaded', `the server is overloaded, please try again later ${INJECTED}`));
        case 'connectionReset':
          if (await delay(latencyMs, signal)) req.socket.destroy();
          return;
        case 'stall':
          if (!(await delay(stallMs, signal))) return;
          break;
      }
      const persona = byDisposition[disposition];
      // The model's own failure is its answer to this request, every time it is sent: there is no answer to break or cut.
      const failure = simulatedFailure(persona, parsed.chat);
      if (failure) {
        entry.modelError = true;
        return await fail(new WireError('server_error', failure));
      }
      const canonical = `reference:${disposition}`;
      const answer = await composeAnswer(persona, canonical, parsed, fault === 'truncated');
      const body = JSON.stringify(dialect.success(parsed, canonical, answer));
      // Cut before the closing brace, so the body is never valid JSON.
      await send(200, fault === 'malformed' ? body.slice(0, Math.floor(body.length / 2)) : body);
    } catch (error) {
      if (res.headersSent || res.destroyed) return;
      // Anything but a WireError is a bug here, answered as the API's own 500 would be.
      await fail(error instanceof WireError ? error : new WireError('server_error', `internal error: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const controller = new AbortController();
    const path = pathOf(req.url);
    const entry: Entry = {
      seq: ++seq,
      time: new Date().toISOString(),
      api: apiOf(path, req.headers),
      path,
      ...saydoFields(req.headers),
    };
    // 'close' comes once per response, whether it was sent, reset, or given up on by the client.
    const logged = new Promise<void>((resolve) => {
      res.on('close', () => {
        live.delete(controller);
        // Lets a held request (stall, latency) go when its client has left.
        controller.abort();
        log.add({ ...entry, status: res.writableFinished ? res.statusCode : 0, latencyMs: Math.round(performance.now() - started) });
        resolve();
      });
    });
    live.set(controller, logged);
    void serve(req, res, entry, controller.signal);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: HOST }, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await log.close();
    throw error;
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${address.port}`,
    port: address.port,
    log: () => log.list(),
    counts: () => log.counts(),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        const pending = [...live.values()];
        for (const controller of live.keys()) controller.abort();
        server.closeAllConnections();
        // Dropped requests are logged (status 0) before the log file closes.
        await Promise.all([closed, ...pending]);
        await log.close();
      })();
      return closing;
    },
  };
}
