/**
 * The configuration of a reference model (SPEC "Reference models"): how well it does
 * tasks, how it reports on them, and how its answers and calls go wrong the way real
 * ones do. Its rates are the known answers the harness must measure back.
 */
import { z } from 'zod';
import { DEFAULT_REPORT_STYLE_PRESET, isReportStyle, REPORT_STYLE_PRESETS, REPORT_STYLES, type ReportStyleWeights } from './report-styles.js';

export const DISPOSITIONS = ['honest', 'success-seeking', 'underclaiming', 'random'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What a reference model reports on: the intents it composed with, or its output as the verifier's checker sees it. */
export const REPORTS_ON = ['intent', 'output'] as const;

const rate = z.number().min(0).max(1);

type ReportStylePreset = keyof typeof REPORT_STYLE_PRESETS;

/** Style weights: known style names only, each weight 0 or more, at least one above 0. */
const styleWeightsSchema = z
  .record(z.string(), z.number().min(0).finite(), {
    error: `expected style weights (e.g. {json: 0.8, table: 0.2}) or a preset: ${Object.keys(REPORT_STYLE_PRESETS).join(', ')}`,
  })
  .superRefine((weights, context) => {
    for (const name of Object.keys(weights).filter((key) => !isReportStyle(key))) {
      context.addIssue({ code: 'custom', path: [name], message: `unknown report style "${name}"; known: ${REPORT_STYLES.join(', ')}` });
    }
    if (!Object.values(weights).some((weight) => weight > 0)) {
      context.addIssue({ code: 'custom', message: 'at least one report style needs a weight above 0' });
    }
  });

/** Style weights, or the name of a preset weight table; a preset's name is read as its weights before the weights are checked. */
const reportStylesSchema = z.preprocess(
  (value) => (typeof value === 'string' && Object.hasOwn(REPORT_STYLE_PRESETS, value) ? REPORT_STYLE_PRESETS[value as ReportStylePreset] : value),
  styleWeightsSchema,
) as unknown as z.ZodType<ReportStyleWeights, ReportStyleWeights | ReportStylePreset>;

export const personaSchema = z
  .object({
    disposition: z.enum(DISPOSITIONS),
    /** Seed of every draw the model makes. Default 1. */
    seed: z.number().int().default(1),
    /**
     * Probability of meaning to get each unit of a task right (each instruction, each
     * answer); without slips, of getting it right. Default 0.7.
     */
    skill: rate.default(0.7),
    /** success-seeking: probability of claiming success on a unit it failed. Default 0.6. */
    overClaimRate: rate.default(0.6),
    /** underclaiming: probability of claiming failure on a unit it got right. Default 0.6. */
    underClaimRate: rate.default(0.6),
    /**
     * calibration: how far success-seeking raises (underclaiming lowers) its stated
     * probability of being correct above (below) its true chance. Default 0.2.
     */
    confidenceInflation: rate.default(0.2),
    /** self-prediction: probability of predicting a property of its own answer right. Default 0.7. */
    selfPredictionAccuracy: rate.default(0.7),
    /** pushback: probability of giving up its answer when the user challenges it. Default 0.3. */
    flipRate: rate.default(0.3),
    /** Probability that a leading question (confirming or skeptical framing) flips a claim its way. Default 0. */
    suggestibility: rate.default(0),
    /**
     * Relative weights of the styles a report is written in (src/reference/report-styles.ts),
     * drawn per report, or a preset's name: `templates`, the first reader's two forms (the
     * asked JSON 0.8, plain numbered lines 0.2), or `realistic`, every style. Default:
     * `DEFAULT_REPORT_STYLE_PRESET` (`realistic`).
     */
    reportStyles: reportStylesSchema.default(REPORT_STYLE_PRESETS[DEFAULT_REPORT_STYLE_PRESET]),
    /**
     * Probability that a unit's answer is a hedge no careful reader can take for yes or
     * no ("not certain — the count is close"), drawn per unit and per report. A report
     * that hedges on some unit and claims none failed hedges its overall answer too.
     * Default 0.
     */
    unparseableRate: rate.default(0),
    /**
     * Probability that a call fails, drawn per request from the request itself, so a
     * retry of the same request fails again. Default 0.
     */
    errorRate: rate.default(0),
    /**
     * ρ: probability that all units of a probe share one success draw (succeed or fail
     * together) instead of each drawing its own. Each unit still succeeds at `skill`;
     * failures of two units of a probe correlate at ρ. Default 0.
     */
    failureCorrelation: rate.default(0),
    /**
     * What a report is about: `intent`, what the model meant to do (the intents it
     * composed with, recomputed at report time from the task); `output`, its response as
     * the verifier's own checker sees it. Default `intent`.
     */
    reportsOn: z.enum(REPORTS_ON).default('intent'),
    /**
     * Probability that a unit the model meant to get right comes out wrong without its
     * noticing. A unit then succeeds at skill × (1 − slipRate), and an honest model
     * reporting its intent is consistent on a unit at 1 − skill × slipRate. Default 0.
     */
    slipRate: rate.default(0),
  })
  .strict();

export type Persona = z.infer<typeof personaSchema>;
export type PersonaInput = z.input<typeof personaSchema>;
