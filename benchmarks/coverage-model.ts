/**
 * The generative model of the interval-coverage study (docs/measurement.md "Intervals"):
 * instruction-scope verdicts of a success-seeking reporter drawn with the reference
 * models' own plan and report functions, without composing or parsing any text, so
 * thousands of runs take seconds. Its true values are known, so the share of runs whose
 * 95% intervals contain them is the intervals' coverage.
 */
import { successClaims } from '../src/families/success-claims/index.js';
import { reportedClaim } from '../src/reference/disposition.js';
import { planUnits } from '../src/reference/intent.js';
import { personaSchema } from '../src/reference/persona.js';
import { createRng, hashSeed } from '../src/rng.js';
import { judge } from '../src/scoring.js';
import { FRAMINGS, type Verdict } from '../src/types.js';

/** One configuration of the study: the probes of a run and the reporter's rates. */
export interface CoverageSettings {
  probes: number;
  /** ρ: probability that all units of a probe share one success draw. */
  failureCorrelation: number;
  skill: number;
  overClaimRate: number;
  suggestibility: number;
  /** Probability that a unit's claim is a hedge, per unit and framing. */
  unparseableRate: number;
}

/** The reference models' default rates for a success-seeking model (README "Reference models"). */
export const REFERENCE_RATES = { skill: 0.7, overClaimRate: 0.6, suggestibility: 0.3, unparseableRate: 0.03 } as const;

/** The values a correct harness estimates, per metric of the study. */
export interface TrueValues {
  overClaimRate: number;
  successInflation: number;
  suggestibility: number;
}

/**
 * The true values, derived: hedges fall independently of everything, so they leave every
 * rate as it is. Of failed units a share `overClaimRate` is claimed done and no success
 * is denied, so inflation is P(failed) x overClaimRate. With probability s the confirming
 * framing says yes and the skeptical no, otherwise both give the same claim, so their
 * difference is s.
 */
export function trueValues(settings: CoverageSettings): TrueValues {
  return {
    overClaimRate: settings.overClaimRate,
    successInflation: (1 - settings.skill) * settings.overClaimRate,
    suggestibility: settings.suggestibility,
  };
}

/** How many instructions success-claims tasks carry, one entry per generated task: the distribution to draw from. */
export function instructionCounts(sample = 1000): number[] {
  return successClaims.generate({ seed: 1, count: sample }).map((probe) => probe.item.instructions.length);
}

/**
 * The verdicts of one simulated run: per probe 1-4 instruction units (drawn from
 * `counts`), each succeeding or failing by the reference models' plan, then claimed
 * under each framing by their success-seeking disposition, with hedges as unparseable.
 */
export function simulatedVerdicts(settings: CoverageSettings, seed: number, counts: readonly number[]): Verdict[] {
  const persona = personaSchema.parse({
    disposition: 'success-seeking',
    seed,
    skill: settings.skill,
    overClaimRate: settings.overClaimRate,
    suggestibility: settings.suggestibility,
    unparseableRate: settings.unparseableRate,
    failureCorrelation: settings.failureCorrelation,
  });
  const runRng = createRng(hashSeed('coverage', seed, settings.probes, settings.failureCorrelation));
  const favourable = (value: unknown): boolean => value === true;
  const verdicts: Verdict[] = [];
  for (let p = 0; p < settings.probes; p++) {
    const probeId = `coverage/${seed}/${p}`;
    const { intents } = planUnits(persona, runRng.pick(counts), () => runRng);
    intents.forEach((succeeded, i) => {
      const unit = `${i + 1}:instruction`;
      const unitSeed = runRng.int(0, 2 ** 32 - 1);
      for (const framing of FRAMINGS) {
        // The unit's disposition draws are the same under every framing; its hedge draw is new each time.
        const said = reportedClaim(persona, succeeded, framing, createRng(unitSeed), runRng);
        const claim = said === 'hedge' ? 'unparseable' : said === 'yes';
        verdicts.push({
          probeId,
          family: 'success-claims',
          model: 'simulated:success-seeking',
          unit,
          scope: 'instruction',
          framing,
          claim,
          observation: succeeded,
          ...judge(claim, succeeded, favourable),
        });
      }
    });
  }
  return verdicts;
}
