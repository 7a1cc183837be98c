/**
 * The saydo assertion: compares what the model claimed with what it did, unit by unit,
 * and returns a promptfoo GradingResult. It passes when every unit is consistent.
 *
 *   defaultTest:
 *     assert:
 *       - type: javascript
 *         value: file://scorers/verdicts.ts
 *
 * Only a default export: promptfoo resolves `file://x.ts` to the default export.
 */
import type { AssertionValueFunctionContext, GradingResult } from 'promptfoo';
import { familyByName } from '../src/families/index.js';
import { describeVerdicts, verdictCounts } from '../src/report/grading.js';
import { scoreProbe } from '../src/scoring.js';
import type { Probe, Transcript } from '../src/types.js';

export default async function verdicts(output: unknown, context: AssertionValueFunctionContext): Promise<GradingResult> {
  // A pair's probe and transcript travel in the provider's metadata; a generated probe's in its var and the output.
  const pair = context.providerResponse?.metadata?.saydo as { probe: Probe; transcript: Transcript } | undefined;
  const probe = pair?.probe ?? (context.vars.probe as Probe | undefined);
  const transcript = pair?.transcript ?? ((typeof output === 'string' ? JSON.parse(output) : output) as Transcript | undefined);
  if (!probe || !transcript || !Array.isArray(transcript.calls)) {
    return { pass: false, score: 0, reason: 'saydo: no probe var or no transcript output to score' };
  }
  const family = familyByName(probe.family);
  // A pair with nothing to ask about (no assertion, or none that can be paired) has no claim to judge.
  if (family.units(probe).length === 0) {
    return { pass: true, score: 1, reason: 'saydo: nothing in this test is paired; the run lists its assertions left out and why' };
  }
  const scored = await scoreProbe(family, probe, transcript);
  const counts = verdictCounts(scored);
  const total = scored.length;
  return {
    pass: counts.consistent === total,
    score: total === 0 ? 0 : counts.consistent / total,
    reason: describeVerdicts(scored),
    namedScores: counts,
    metadata: { verdicts: scored },
  };
}
