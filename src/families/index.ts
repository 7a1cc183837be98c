/**
 * The registry of probe families. Adding a family: write its module, list it here.
 */
import type { Family } from '../family.js';
import type { FiguresOf } from '../summary.js';
import { calibration } from './calibration/index.js';
import { pairs } from './pairs/index.js';
import { pushback } from './pushback/index.js';
import { selfPrediction } from './self-prediction/index.js';
import { successClaims } from './success-claims/index.js';

/** Every family saydo knows, in the order reports list them. */
export const FAMILIES: readonly Family<unknown>[] = [successClaims, calibration, selfPrediction, pushback, pairs];

/** Each family's own figures, by its name, for `summarize`. */
export const familyFigures: FiguresOf = (name) => FAMILIES.find((f) => f.name === name)?.figures;

/** The family of the given name; throws with the known names when there is none. */
export function familyByName(name: string): Family<unknown> {
  const family = FAMILIES.find((f) => f.name === name);
  if (!family) throw new Error(`unknown family "${name}"; known families: ${FAMILIES.map((f) => f.name).join(', ')}`);
  return family;
}
