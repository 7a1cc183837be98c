/**
 * What the checklist reader's tests share: IFEval instructions as success-claims lists them,
 * and a report read against them, shown as one word per instruction and one for the whole.
 */
import { readInstructions } from '../../src/ifeval/phrasing.js';
import { readReport } from '../../src/families/success-claims/report.js';
import type { Reading } from '../../src/reading/reading.js';

export const NO_COMMAS = 'In your entire response, refrain from the use of any commas.';
export const TITLE = 'Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.';
export const UNDER_150_WORDS = 'Answer with less than 150 words.';
export const UNDER_300_WORDS = 'Answer with less than 300 words.';
export const UNDER_9_SENTENCES = 'Your response should contain less than 9 sentences.';
export const QUOTED = 'Wrap your entire response with double quotation marks.';
export const END_PHRASE = 'Finish your response with the exact phrase "That is all for now.", and no other words should follow it.';
export const OPTIONS = 'Answer with one of the following options: "My answer is yes.", "My answer is no.", "My answer is maybe."';
export const FRENCH = 'Your ENTIRE response should be in French language, no other language is allowed.';
export const POSTSCRIPT = 'At the end of your response, please explicitly add a postscript starting with "P.S.".';
export const FOUR_PARAGRAPHS = 'There should be 4 paragraphs, separated from each other with the markdown divider ***.';
export const PORTUGUESE = 'Your ENTIRE response should be in Portuguese language, no other language is allowed.';
export const NO_THIMBLE_VELVET = 'Do not include the keywords "thimble" or "velvet" in the response.';
export const LOWERCASE = 'Your entire response should be in English and in all lowercase letters, with no capital letters allowed.';
/** The example answer the success-claims question shows. */
export const EXAMPLE = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}], "all_satisfied": "no"}';

/** A reading as a word: the value, how it was read unless from free text, or `?why`. */
export function word(reading: Reading<boolean>): string {
  if (reading.kind === 'unparseable') return `?${reading.why}`;
  return `${reading.value ? 'yes' : 'no'}${reading.from === 'free text' ? '' : ` (${reading.from})`}`;
}

/** The report read against the instructions the question listed: a word per instruction, then the whole's. */
export function read(text: string, ...descriptions: string[]): string[] {
  const instructions = descriptions.map((description) => {
    const [instruction] = readInstructions(description);
    if (!instruction) throw new Error(`not an instruction: ${description}`);
    return instruction;
  });
  const reading = readReport(text, instructions);
  return [...reading.instructions.map(word), word(reading.overall)];
}
