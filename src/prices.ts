/**
 * Token prices, to put a cost on a run. List prices in US dollars per million tokens,
 * as published by the vendors when this table was written (2026-11); check them before
 * relying on a figure, and override any of them per target with `config.price`.
 */
import { z } from 'zod';

export const priceSchema = z
  .object({
    inputPerMTok: z.number().min(0),
    outputPerMTok: z.number().min(0),
  })
  .strict();

export type Price = z.infer<typeof priceSchema>;

/** Keyed by model-name prefix; the longest matching prefix wins. */
export const PRICES: Readonly<Record<string, Price>> = {
  'claude-opus-4': { inputPerMTok: 15, outputPerMTok: 75 },
  'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-haiku-4': { inputPerMTok: 1, outputPerMTok: 5 },
  'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-5': { inputPerMTok: 1.25, outputPerMTok: 10 },
  'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2 },
  o3: { inputPerMTok: 2, outputPerMTok: 8 },
  'o4-mini': { inputPerMTok: 1.1, outputPerMTok: 4.4 },
};

/** The price of a model: the override if given, else the longest prefix in PRICES, else none (cost unknown). */
export function priceOf(model: string, override?: Price): Price | undefined {
  if (override) return override;
  const prefix = Object.keys(PRICES)
    .filter((key) => model.startsWith(key))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? PRICES[prefix] : undefined;
}

/** Dollars for the given token counts. */
export function costOf(price: Price, usage: { input: number; output: number }): number {
  return (usage.input * price.inputPerMTok + usage.output * price.outputPerMTok) / 1_000_000;
}
