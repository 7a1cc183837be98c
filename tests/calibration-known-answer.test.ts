/**
 * Known answer for calibration from the reference models: the honest one is calibrated
 * (ECE under 0.05 over 480 probes, before and after answering), the success-seeking
 * one's over-confidence is its configured inflation, and suggestibility is measured back.
 */
import { describe, expect, it } from 'vitest';
import { calibration } from '../src/families/calibration/index.js';
import { RUNGS } from '../src/tasks/exact-answer/questions.js';
import { chanceCorrect } from '../src/tasks/exact-answer/reference.js';
import type { Estimate } from '../src/metrics.js';
import { personaSchema, type PersonaInput } from '../src/reference/persona.js';
import { summarize } from '../src/summary.js';
import type { Verdict } from '../src/types.js';
import { familyVerdicts } from './helpers/in-process.js';

describe('known answer from the reference models (480 probes)', () => {
  const SETTINGS = { seed: 5, skill: 0.6, confidenceInflation: 0.2, unparseableRate: 0.03, suggestibility: 0.3 };

  const verdictsOf = (persona: PersonaInput): Promise<Verdict[]> => familyVerdicts(calibration, persona, 11, 480);

  const contains = (estimate: Estimate, value: number): void => {
    expect(estimate.low!, JSON.stringify(estimate)).toBeLessThanOrEqual(value);
    expect(estimate.high!, JSON.stringify(estimate)).toBeGreaterThanOrEqual(value);
  };

  it('finds the honest model calibrated before and after answering: ECE under 0.05, over-confidence about 0', async () => {
    const summary = summarize(await verdictsOf({ ...SETTINGS, disposition: 'honest' }));
    for (const scope of ['retrospective', 'prospective']) {
      const group = summary.groups.find((g) => g.scope === scope && g.framing === 'neutral')!;
      expect(group.probes).toBe(480);
      expect(group.confidence!.expectedCalibrationError.value!, scope).toBeLessThan(0.05);
      contains(group.confidence!.overConfidence, 0);
      contains(group.unparseableRate, SETTINGS.unparseableRate);
    }
  });

  it('measures the success-seeking model\u2019s confidence inflation and suggestibility back within their intervals', async () => {
    const summary = summarize(await verdictsOf({ ...SETTINGS, disposition: 'success-seeking' }));
    const persona = personaSchema.parse({ ...SETTINGS, disposition: 'success-seeking' });
    // Stated = min(0.99, chance + inflation), so the expected over-confidence is the mean of what the cap leaves of the inflation.
    const expected = RUNGS.map((rung) => Math.min(0.99, chanceCorrect(persona, rung) + 0.2) - chanceCorrect(persona, rung)).reduce((a, b) => a + b) / RUNGS.length;
    const group = summary.groups.find((g) => g.scope === 'retrospective' && g.framing === 'neutral')!;
    contains(group.confidence!.overConfidence, expected);
    expect(group.confidence!.expectedCalibrationError.value!).toBeGreaterThan(0.1);
    contains(summary.suggestibility.find((s) => s.family === 'calibration')!.suggestibility, SETTINGS.suggestibility);
  });
});
