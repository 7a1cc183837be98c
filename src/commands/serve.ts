/**
 * `saydo serve`: the local API server in the foreground, until SIGINT or SIGTERM.
 */
import { InvalidArgumentError } from 'commander';
import { personaSchema, type REPORTS_ON } from '../reference/persona.js';
import { REPORT_STYLE_PRESETS, type ReportStyleWeights } from '../reference/report-styles.js';
import { checkFaultRates, faultRatesFromTotal, type FaultRates } from '../server/faults.js';
import { startServer, type ServerOptions } from '../server/index.js';
import { describeIssues } from '../validate.js';

/** The options of `saydo serve` as commander hands them over (already parsed by the parsers below). */
export interface ServeCommandOptions {
  port: number;
  model?: string;
  anyModel?: string;
  pairBook?: string;
  latencyMs?: number;
  faultRate?: number;
  rateLimitRate?: number;
  serverErrorRate?: number;
  overloadedRate?: number;
  resetRate?: number;
  stallRate?: number;
  malformedRate?: number;
  truncatedRate?: number;
  stallMs?: number;
  faultSeed?: number;
  seed?: number;
  skill?: number;
  overClaimRate?: number;
  underClaimRate?: number;
  suggestibility?: number;
  reportStyles?: ReportStyleWeights;
  unparseableRate?: number;
  errorRate?: number;
  failureCorrelation?: number;
  slipRate?: number;
  reportsOn?: (typeof REPORTS_ON)[number];
  log?: string;
}

/** Parses a number the way a person means it, or says what was expected. */
function parseNumber(value: string, expected: string, ok: (n: number) => boolean): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n) || !ok(n)) throw new InvalidArgumentError(`expected ${expected}`);
  return n;
}

/** Commander parser: a probability in [0, 1]. */
export const parseRate = (value: string): number => parseNumber(value, 'a number from 0 to 1', (n) => n >= 0 && n <= 1);

/** Commander parser: a whole number of milliseconds, 0 or more. */
export const parseMilliseconds = (value: string): number =>
  parseNumber(value, 'a whole number of milliseconds, 0 or more', (n) => Number.isSafeInteger(n) && n >= 0);

/** Commander parser: a port, 0 to 65535 (0: a free port). */
export const parsePort = (value: string): number =>
  parseNumber(value, 'a port number from 0 to 65535', (n) => Number.isInteger(n) && n >= 0 && n <= 65_535);

/** Commander parser: a whole number (a seed). */
export const parseInteger = (value: string): number => parseNumber(value, 'a whole number', Number.isSafeInteger);

/**
 * Commander parser: report style weights, `json=0.5,table=0.2,...`, or a preset name
 * (`templates`, `realistic`), checked by the persona's own rules.
 */
export function parseReportStyles(value: string): ReportStyleWeights {
  const preset = value.trim();
  const weights = Object.hasOwn(REPORT_STYLE_PRESETS, preset)
    ? preset
    : Object.fromEntries(
        value.split(',').map((pair) => {
          const [name = '', weight = '', ...rest] = pair.split('=').map((part) => part.trim());
          if (!pair.includes('=') || rest.length > 0 || name === '') throw new InvalidArgumentError(`expected style=weight pairs or a preset (${Object.keys(REPORT_STYLE_PRESETS).join(', ')}), got "${pair}"`);
          return [name, parseNumber(weight, `a number as the weight of ${name}`, Number.isFinite)];
        }),
      );
  const parsed = personaSchema.shape.reportStyles.safeParse(weights);
  if (!parsed.success) throw new InvalidArgumentError(describeIssues('', parsed.error));
  return parsed.data;
}

/** Keeps only the keys whose values were given. */
function given<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The fault rates the options ask for: `--fault-rate` spread over every kind, then each `--<kind>-rate` over its kind. */
function faultRatesOf(options: ServeCommandOptions): FaultRates {
  const rates: FaultRates = {
    ...(options.faultRate === undefined ? {} : faultRatesFromTotal(options.faultRate)),
    ...given({
      rateLimit: options.rateLimitRate,
      serverError: options.serverErrorRate,
      overloaded: options.overloadedRate,
      connectionReset: options.resetRate,
      stall: options.stallRate,
      malformed: options.malformedRate,
      truncated: options.truncatedRate,
    }),
  };
  checkFaultRates(rates);
  return rates;
}

/** The server options the command line asks for. */
export function serverOptionsOf(options: ServeCommandOptions): ServerOptions {
  return {
    port: options.port,
    ...given({ model: options.model, anyModel: options.anyModel, pairBook: options.pairBook, latencyMs: options.latencyMs, stallMs: options.stallMs, faultSeed: options.faultSeed, logFile: options.log }),
    faults: faultRatesOf(options),
    persona: given({
      seed: options.seed,
      skill: options.skill,
      overClaimRate: options.overClaimRate,
      underClaimRate: options.underClaimRate,
      suggestibility: options.suggestibility,
      reportStyles: options.reportStyles,
      unparseableRate: options.unparseableRate,
      errorRate: options.errorRate,
      failureCorrelation: options.failureCorrelation,
      slipRate: options.slipRate,
      reportsOn: options.reportsOn,
    }),
  };
}

/** The command: serve until SIGINT or SIGTERM, then print the request counts. */
export async function runServe(options: ServeCommandOptions): Promise<void> {
  const server = await startServer(serverOptionsOf(options));
  console.log(
    `saydo serve: reference models at ${server.url}; point clients at it with ANTHROPIC_BASE_URL=${server.url} OPENAI_BASE_URL=${server.url}/v1 ` +
      `and any non-empty API key (promptfoo: anthropic:messages:reference-honest, openai:chat:reference-honest); Ctrl-C stops`,
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(name);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  const counts = Object.entries(server.counts()).map(([key, n]) => `${key} ${n}`);
  console.log(`saydo serve: stopped on ${signal}; ${counts.join(', ')}`);
}
