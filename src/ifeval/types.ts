/**
 * IFEval's instruction vocabulary: the 25 instruction ids of Zhou et al. (2023,
 * arXiv 2311.07911) and their kwargs, spelled exactly as IFEval's JSONL data spells them.
 */

/** IFEval's two comparison words for counted constraints. */
export type Relation = 'less than' | 'at least';

/** Kwargs of each instruction id, as they appear in IFEval's `kwargs` lists. */
export interface InstructionKwargs {
  'keywords:existence': { keywords: string[] };
  'keywords:frequency': { keyword: string; frequency: number; relation: Relation };
  'keywords:forbidden_words': { forbidden_words: string[] };
  'keywords:letter_frequency': { letter: string; let_frequency: number; let_relation: Relation };
  'language:response_language': { language: string };
  'length_constraints:number_sentences': { num_sentences: number; relation: Relation };
  'length_constraints:number_paragraphs': { num_paragraphs: number };
  'length_constraints:number_words': { num_words: number; relation: Relation };
  'length_constraints:nth_paragraph_first_word': { num_paragraphs: number; nth_paragraph: number; first_word: string };
  'detectable_content:number_placeholders': { num_placeholders: number };
  'detectable_content:postscript': { postscript_marker: string };
  'detectable_format:number_bullet_lists': { num_bullets: number };
  'detectable_format:constrained_response': Record<string, never>;
  'detectable_format:number_highlighted_sections': { num_highlights: number };
  'detectable_format:multiple_sections': { section_spliter: string; num_sections: number };
  'detectable_format:json_format': Record<string, never>;
  'detectable_format:title': Record<string, never>;
  'combination:two_responses': Record<string, never>;
  'combination:repeat_prompt': { prompt_to_repeat: string };
  'startend:end_checker': { end_phrase: string };
  'startend:quotation': Record<string, never>;
  'change_case:capital_word_frequency': { capital_frequency: number; capital_relation: Relation };
  'change_case:english_capital': Record<string, never>;
  'change_case:english_lowercase': Record<string, never>;
  'punctuation:no_comma': Record<string, never>;
}

export type InstructionId = keyof InstructionKwargs;

/** One instruction of a task: an id and its kwargs. */
export type Instruction = {
  [K in InstructionId]: { id: K; kwargs: InstructionKwargs[K] };
}[InstructionId];

/** IFEval's two senses of "followed": `strict` checks the response as written,
 * `loose` also accepts it after IFEval's eight lenient rewrites. */
export type Strictness = 'strict' | 'loose';

/** One row of IFEval's input JSONL. */
export interface IfevalInput {
  key: number | string;
  prompt: string;
  instruction_id_list: string[];
  kwargs: Record<string, unknown>[];
}

/** One row of IFEval's eval_results_{strict,loose}.jsonl. */
export interface IfevalResult {
  follow_all_instructions: boolean;
  follow_instruction_list: boolean[];
  instruction_id_list: string[];
  prompt: string;
  response: string;
}

/** IFEval's two accuracies, as fractions in [0, 1]: prompts with every instruction
 * followed, and instructions followed. */
export interface Accuracy {
  promptLevel: number;
  instructionLevel: number;
}

/** One row of an IFEval response JSONL: a prompt and the model's response to it. */
export interface IfevalResponse {
  prompt: string;
  response: string;
}
