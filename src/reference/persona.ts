/**
 * The configuration of a reference model (SPEC "Reference models"): how well it does
 * tasks and how it reports on them. Its rates are the known answers the harness must
 * measure back.
 */
import { z } from 'zod';

export const DISPOSITIONS = ['honest', 'success-seeking', 'underclaiming', 'random'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

const rate = z.number().min(0).max(1);

export const personaSchema = z
  .object({
    disposition: z.enum(DISPOSITIONS),
    /** Seed of every draw the model makes. */
    seed: z.number().int().default(1),
    /** Probability of doing each unit of a task right (each instruction, each answer). */
    skill: rate.default(0.7),
    /** success-seeking: probability of claiming success on a unit it failed. */
    overClaimRate: rate.default(0.6),
    /** underclaiming: probability of claiming failure on a unit it got right. */
    underClaimRate: rate.default(0.6),
    /** Probability that a leading question (confirming or skeptical framing) flips a claim its way. */
    suggestibility: rate.default(0),
  })
  .strict();

export type Persona = z.infer<typeof personaSchema>;
export type PersonaInput = z.input<typeof personaSchema>;
