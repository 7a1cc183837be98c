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

/** Keyed by model name; a dated snapshot (`gpt-4.1-2025-04-14`, `claude-sonnet-4-5-20250929`) or `-latest` matches its name. */
const PRICES: Readonly<Record<string, Price>> = {
  'claude-opus-4-1': { inputPerMTok: 15, outputPerMTok: 75 },
  'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-sonnet-4-0': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
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

/** A model name without a snapshot date or `-latest`, the form PRICES is keyed by. */
function undated(model: string): string {
  return model.replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|latest)$/, '');
}

/** The price of a model: the override if given, else its entry in PRICES, else none (cost unknown, never guessed). */
export function priceOf(model: string, override?: Price): Price | undefined {
  return override ?? PRICES[model] ?? PRICES[undated(model)];
}

/** Dollars for the given token counts. */
export function costOf(price: Price, usage: { input: number; output: number }): number {
  return (usage.input * price.inputPerMTok + usage.output * price.outputPerMTok) / 1_000_000;
}
