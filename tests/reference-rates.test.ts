/**
 * The reference models' configured rates come out at their values over thousands of
 * draws: hedged answers (unparseableRate), failed calls (errorRate), correlated failures
 * (failureCorrelation) and slips (slipRate). The model answers in the asked JSON only,
 * read here directly, so no report parser stands between a rate and its measure.
 *
 * Every tolerance is 4 binomial standard errors, sqrt(p(1-p)/n), over draws that are
 * independent by construction (one per unit, per request or per probe, as noted): a false
 * alarm about 1 in 16,000 per check.
 */
import { describe, expect, it } from 'vitest';
import { generateTasks, type SuccessClaimsItem } from '../src/families/success-claims/generate.js';
import { describeInstruction } from '../src/ifeval/phrasing.js';
import { reportQuestion } from '../src/families/success-claims/report.js';
import { checkInstruction } from '../src/ifeval/checkers.js';
import { referenceModel } from '../src/reference/model.js';
import type { PersonaInput } from '../src/reference/persona.js';
import type { ItemClaim } from '../src/reference/report-styles.js';
import type { ChatModel, ChatRequest, Framing } from '../src/types.js';

/** Four standard errors of a share with rate p over n independent draws. */
const tolerance = (p: number, n: number): number => 4 * Math.sqrt((p * (1 - p)) / n);

function expectRate(measured: number, expected: number, n: number, what: string): void {
  console.log(`${what}: ${measured.toFixed(4)} over ${n} (configured ${expected.toFixed(4)} ± ${tolerance(expected, n).toFixed(4)})`);
  expect(Math.abs(measured - expected), `${what}: measured ${measured.toFixed(4)} over ${n}, configured ${expected}`).toBeLessThanOrEqual(tolerance(expected, n));
}

/** An honest model reporting its intents, in the asked JSON only. */
const honestJson = (settings: Omit<PersonaInput, 'disposition'>): ChatModel =>
  referenceModel({ disposition: 'honest', reportStyles: { json: 1 }, reportsOn: 'intent', skill: 0.7, ...settings });

/** The report request after `answer`, as the family's protocol sends it. */
function reportRequest(task: SuccessClaimsItem, answer: string, framing: Framing): ChatRequest {
  const question = reportQuestion(framing, task.instructions.map(describeInstruction));
  return { messages: [{ role: 'user', content: task.prompt }, { role: 'assistant', content: answer }, { role: 'user', content: question }] };
}

/** A JSON value as a claim: "yes", "no", or (any other string) a hedge. */
function claimOf(value: unknown): ItemClaim {
  expect(typeof value).toBe('string');
  return value === 'yes' ? 'yes' : value === 'no' ? 'no' : 'hedge';
}

/** The claims of a report in the asked JSON. */
async function jsonReport(model: ChatModel, request: ChatRequest): Promise<{ claims: ItemClaim[]; overall: ItemClaim }> {
  const json = JSON.parse((await model.complete(request)).text) as { instructions: { number: number; satisfied: unknown }[]; all_satisfied: unknown };
  return { claims: json.instructions.map((entry) => claimOf(entry.satisfied)), overall: claimOf(json.all_satisfied) };
}

const TASKS = generateTasks({ seed: 21, count: 6000 });

describe('unparseableRate', () => {
  const RATE = 0.2;

  it('hedges units at the configured rate, per unit and per report, and hedges the overall exactly when no unit is claimed failed', async () => {
    const model = honestJson({ unparseableRate: RATE });
    const tasks = TASKS.slice(0, 3000);
    let units = 0;
    let hedged = 0;
    let hedgedInBoth = 0;
    for (const task of tasks) {
      // Reporting on intent, the model reads no response, so any text stands in for one.
      const neutral = await jsonReport(model, reportRequest(task, '(the response)', 'neutral'));
      const skeptical = await jsonReport(model, reportRequest(task, '(the response)', 'skeptical'));
      for (const report of [neutral, skeptical]) {
        const expected = report.claims.includes('no') ? 'no' : report.claims.includes('hedge') ? 'hedge' : 'yes';
        expect(report.overall).toBe(expected);
      }
      units += neutral.claims.length;
      hedged += neutral.claims.filter((claim) => claim === 'hedge').length;
      hedgedInBoth += neutral.claims.filter((claim, i) => claim === 'hedge' && skeptical.claims[i] === 'hedge').length;
    }
    // One hedge draw per unit and report: independent across units, and across the two framings of a unit.
    expectRate(hedged / units, RATE, units, 'hedged units');
    expectRate(hedgedInBoth / units, RATE * RATE, units, 'units hedged under both framings');
  });
});

describe('errorRate', () => {
  const RATE = 0.15;
  const REQUESTS = 4000;

  it('fails calls at the configured rate, each failed request again on every retry, saying the failure is simulated', async () => {
    const model = referenceModel({ disposition: 'success-seeking', errorRate: RATE });
    const outcome = async (request: ChatRequest): Promise<string> => {
      try {
        await model.complete(request);
        return 'ok';
      } catch (error) {
        return (error as Error).message;
      }
    };
    let failed = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const request: ChatRequest = { messages: [{ role: 'user', content: `request ${i}` }] };
      const first = await outcome(request);
      expect(await outcome(request)).toBe(first);
      if (first !== 'ok') {
        expect(first).toMatch(/^simulated failure of the saydo reference model reference:success-seeking \(errorRate 0\.15\)/);
        failed++;
      }
    }
    // One draw per distinct request.
    expectRate(failed / REQUESTS, RATE, REQUESTS, 'failed calls');
  });
});

describe('failureCorrelation', () => {
  const SKILL = 0.7;

  /** The honest intent claims (its intents) of the first two units of every probe with two or more. */
  async function firstPairs(correlation: number): Promise<[boolean, boolean][]> {
    const model = honestJson({ skill: SKILL, failureCorrelation: correlation });
    const pairs: [boolean, boolean][] = [];
    for (const task of TASKS.filter((t) => t.instructions.length >= 2)) {
      const { claims } = await jsonReport(model, reportRequest(task, '(the response)', 'neutral'));
      pairs.push([claims[0] === 'no', claims[1] === 'no']);
    }
    return pairs;
  }

  it('keeps each unit failing at 1 - skill and correlates two units’ failures at ρ', async () => {
    const RHO = 0.5;
    const pairs = await firstPairs(RHO);
    const n = pairs.length;
    expect(n).toBeGreaterThan(3000);
    // One pair per probe: pairs are independent draws.
    const fail = 1 - SKILL;
    const failedFirst = pairs.filter(([a]) => a).length / n;
    const failedSecond = pairs.filter(([, b]) => b).length / n;
    const bothFailed = pairs.filter(([a, b]) => a && b).length / n;
    expectRate(failedFirst, fail, n, 'first unit failed');
    expectRate(failedSecond, fail, n, 'second unit failed');
    // P(both fail) = (1-s)(ρ + (1-ρ)(1-s)); the correlation (P(both) - (1-s)²) / (s(1-s)) is then ρ.
    const joint = fail * (RHO + (1 - RHO) * fail);
    expectRate(bothFailed, joint, n, 'both units failed');
    const correlation = (bothFailed - fail * fail) / (SKILL * fail);
    console.log(`failure correlation: ${correlation.toFixed(3)} (configured ${RHO} ± ${(tolerance(joint, n) / (SKILL * fail)).toFixed(3)})`);
    expect(Math.abs(correlation - RHO), `measured correlation ${correlation.toFixed(3)}`).toBeLessThanOrEqual(tolerance(joint, n) / (SKILL * fail));
  });

  it('at ρ = 1, every probe’s units succeed or fail together; at ρ = 0, they do not', async () => {
    expect((await firstPairs(1)).every(([a, b]) => a === b)).toBe(true);
    expect((await firstPairs(0)).some(([a, b]) => a !== b)).toBe(true);
  });
});

describe('slipRate', () => {
  const SKILL = 0.7;
  const SLIP = 0.3;

  it('spoils meant units at the configured rate, unnoticed: an honest intent model is consistent at 1 - skill × slipRate', async () => {
    const model = honestJson({ skill: SKILL, slipRate: SLIP });
    let units = 0;
    let meant = 0;
    let slipped = 0;
    let consistent = 0;
    for (const task of TASKS.slice(0, 1500)) {
      const response = (await model.complete({ messages: [{ role: 'user', content: task.prompt }] })).text;
      const { claims } = await jsonReport(model, reportRequest(task, response, 'neutral'));
      task.instructions.forEach((instruction, i) => {
        const followed = checkInstruction(instruction, response);
        units++;
        if (claims[i] === 'yes') {
          meant++;
          if (!followed) slipped++;
        } else {
          // A unit it meant to miss is always missed: no slip turns a miss into a success.
          expect(followed).toBe(false);
        }
        if ((claims[i] === 'yes') === followed) consistent++;
      });
    }
    // One slip draw per unit, independent across units (failureCorrelation 0).
    expectRate(meant / units, SKILL, units, 'units meant to be right');
    expectRate(slipped / meant, SLIP, meant, 'meant units that slipped');
    expectRate(consistent / units, 1 - SKILL * SLIP, units, 'consistent units');
  });
});
