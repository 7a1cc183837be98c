/**
 * pairs: probes written in promptfoo YAML. A test's prompt is the behaviour; each of its
 * assertions is a unit, observed by promptfoo's own assertion engine and claimed by the
 * model's yes or no to a question about it, asked after the answer (retrospective, three
 * framings) and/or before it in a fresh context (prospective). Favourable: the assertion
 * passes. Probes come from the suite's own tests (`pairProbe`), not from a generator.
 */
import type { Family, UnitSpec } from '../../family.js';
import { behaviourText, reportsAfter } from '../../protocols.js';
import { claimOf } from '../../reading/claim.js';
import { read, type Reading } from '../../reading/reading.js';
import { readYesNo } from '../../reading/yes-no.js';
import { FRAMINGS, type Claim, type Framing, type Observation, type Probe, type Transcript, type UnitValue } from '../../types.js';
import type { Check } from './checks.js';
import type { PairItem } from './probe.js';
import { prospectiveRequest, retrospectiveQuestion } from './questions.js';
import { pairsReference, rememberPair } from './reference.js';
import { checkPasses, gradedOutput } from './run-check.js';

export type { PairItem, TestContext } from './probe.js';
export { pairProbe } from './probe.js';

const NAME = 'pairs';
const PROSPECTIVE_SUFFIX = ' (prospective)';

/** The unit a check's prospective question makes: `2:contains (prospective)`. */
function prospectiveUnit(check: Check): string {
  return `${check.unit}${PROSPECTIVE_SUFFIX}`;
}

/** Each protocol is its own scope, and model-graded checks are counted apart from the rest. */
function scopeOf(protocol: 'retrospective' | 'prospective', check: Check): string {
  return check.modelGraded ? `${protocol}, model-graded` : protocol;
}

function units(probe: Probe<PairItem>): UnitSpec[] {
  const { checks, protocols } = probe.item;
  return [
    ...(protocols.includes('retrospective') ? checks.map((check) => ({ unit: check.unit, scope: scopeOf('retrospective', check) })) : []),
    ...(protocols.includes('prospective')
      ? checks.map((check) => ({ unit: prospectiveUnit(check), scope: scopeOf('prospective', check), framings: [FRAMINGS[0]!] }))
      : []),
  ];
}

async function run(probe: Probe<PairItem>, call: Parameters<Family['run']>[1]): Promise<void> {
  const { request, checks, protocols } = probe.item;
  rememberPair(probe.item);
  // Prospective first: each in a fresh context, before the model has answered.
  if (protocols.includes('prospective')) {
    for (const check of checks) await call('report', prospectiveRequest(request, check), FRAMINGS[0], prospectiveUnit(check));
  }
  const behaviour = await call('behaviour', request);
  if (!behaviour.response || !protocols.includes('retrospective')) return;
  for (const check of checks) {
    await reportsAfter(call, request, behaviour.response.text, FRAMINGS, (framing) => retrospectiveQuestion(check, framing), check.unit);
  }
}

async function observe(probe: Probe<PairItem>, transcript: Transcript): Promise<Observation[]> {
  const answer = behaviourText(transcript);
  if (answer === undefined) return [];
  let output: unknown;
  try {
    output = await gradedOutput(probe.item, answer);
  } catch {
    // promptfoo fails the test when its transform throws (JSON.parse of a non-JSON answer): no check can be observed.
    return [];
  }
  const observations: Observation[] = [];
  for (const check of probe.item.checks) {
    const passed = await checkPasses(probe.item, check, output);
    observations.push({ unit: check.unit, value: passed }, { unit: prospectiveUnit(check), value: passed });
  }
  return observations;
}

/** A yes or no to a check's question as a claim that the check passes: turned around for a `not-` check asked the positive way. */
function passClaim(reading: Reading<boolean>, check: Check): Reading<UnitValue> {
  return reading.kind === 'read' && check.inverted ? read(!reading.value, reading.from) : reading;
}

function parseClaims(probe: Probe<PairItem>, transcript: Transcript): Claim[] {
  const claims: Claim[] = [];
  for (const call of transcript.calls) {
    if (call.purpose !== 'report' || !call.response || call.unit === undefined) continue;
    const retrospective = probe.item.checks.find((c) => c.unit === call.unit);
    const check = retrospective ?? probe.item.checks.find((c) => prospectiveUnit(c) === call.unit);
    if (!check) continue;
    const question = retrospective ? check.question : check.prospectiveQuestion;
    claims.push(claimOf(call.unit, call.framing ?? (FRAMINGS[0] as Framing), passClaim(readYesNo(call.response.text, { question }), check)));
  }
  return claims;
}

export const pairs: Family<PairItem> = {
  name: NAME,
  protocol: 'retrospective',
  framings: FRAMINGS,
  describe: (probe) => probe.item.title,
  run,
  units,
  observe,
  parseClaims,
  favourable: (_unit, value: UnitValue) => value === true,
  reference: pairsReference,
};
