/**
 * The reference models' writer for success-claims: composes an answer about a topic
 * that follows each instruction exactly when it means to, and visibly misses it when it
 * does not (one bullet too many, no title, a forbidden word used).
 *
 * Composing has three stages, so that instructions compose with each other:
 * 1. each instruction turns its kwargs and intent into settings of a `Plan` (the
 *    OPERATIONS table: the one place where an instruction's composing operation lives);
 * 2. the plan is realised as a structured draft: units (paragraphs or sections) of
 *    sentences built from clauses, bullets, title, postscript, then lengthened or
 *    shortened clause by clause until its sentence and word counts are in range;
 * 3. decorations that change no count (capital words, highlights, a comma) are applied,
 *    and the draft is rendered with its wrappers (repeated request, second response,
 *    JSON, quotes, letter case).
 * The composer measures what it writes with IFEval's own measures (words, sentences,
 * capital words, language), as a careful writer rereads a draft, so every count is
 * checked on the text rather than assumed.
 */
import { countCapitalWords, countSentences, countWords, detectLanguage } from '../../ifeval/text.js';
import type { Instruction, InstructionId, InstructionKwargs, Relation } from '../../ifeval/types.js';
import type { Rng } from '../../rng.js';

// ---------------------------------------------------------------------------------------
// Word banks
// ---------------------------------------------------------------------------------------

/**
 * What the composer can write in one language. Clauses are independent clauses, written
 * lowercase-first and without commas, apostrophes, hyphens or digits, so that joining,
 * counting and case changes stay predictable; `{topic}` stands for the topic.
 */
interface LanguageKit {
  clauses: readonly string[];
  /** Words that join two clauses into one sentence. */
  joiners: readonly string[];
  /** Title texts; `{Topic}` is the topic in title case. */
  titles: readonly string[];
  /** Introduces placeholders in passing: "with [name] and [date]". */
  withWord: string;
  andWord: string;
  placeholders: readonly string[];
}

const ENGLISH: LanguageKit = {
  clauses: [
    'change takes time',
    'people notice this',
    'habits shape lives',
    'small steps matter',
    'interest keeps growing',
    'results often surprise',
    'patience pays off',
    'details matter here',
    'opinions differ widely',
    'progress feels slow',
    'the benefits add up',
    'costs remain modest',
    'the idea spreads',
    'this deserves attention',
    'everyone can help',
    'more people are talking about {topic} than ever before',
    'the story of {topic} is richer than it first appears',
    'anyone can start learning about {topic} with some patience',
    'the best place to begin is with one simple question',
    'good habits grow from small and steady choices',
    'experts often point out that the details matter most',
    'there is always something new to discover',
    'many families have their own traditions around {topic}',
    'the benefits of {topic} reach far beyond the obvious',
    'people often underestimate how much {topic} can teach them',
    'it helps to set aside time for {topic} each week',
    'local groups share tips and stories about {topic}',
    'the first steps are often the hardest',
    'the rewards tend to arrive slowly but surely',
    'there are still open questions about {topic}',
    'nobody has all the answers about {topic}',
    'this is where careful planning pays off',
    'the people who care about {topic} tend to share what they learn',
    'it is easy to overlook the small things',
    'those small things often make the biggest difference',
    'the right tools make the work much easier',
    'one good conversation can change how you see {topic}',
    'the public debate about {topic} keeps moving',
    'schools and libraries often offer useful resources',
    'newcomers should feel welcome to ask questions',
    'what matters most is steady practice',
    'the costs are often lower than people expect',
    'the history behind {topic} is full of surprises',
    'there is no single right way to approach {topic}',
    'friends and neighbours often have helpful advice',
    'the whole community benefits from shared effort',
    'time spent on {topic} is rarely wasted',
    'each season brings different challenges',
    'good information helps people make better choices',
    'the results depend on the care that goes into the work',
    'people remember the moments that surprised them',
    'it pays to start small and grow from there',
    'the effort tends to pay for itself',
    'there is real pleasure in doing things well',
    'many people find {topic} calming after a long day',
    'the numbers tell only part of the story',
    'honest feedback helps everyone improve',
    'the best ideas often come from ordinary people',
    'planning ahead saves time and stress later',
    'there will always be room for improvement',
    'people learn the most from their own mistakes',
    'simple routines often work better than grand plans',
    'the future of {topic} looks bright',
    'small changes add up over the months',
    'sharing stories helps good ideas travel further',
    'careful observation reveals patterns that are easy to miss',
    'the subject of {topic} deserves a closer look',
    'most beginners are surprised by how much there is to learn',
    'the community around {topic} is open and generous',
    'good teachers make hard ideas feel simple',
    'there is a lot of history hidden in ordinary places',
    'the next generation will see {topic} in a new light',
    'the real test comes with practice',
    'those who stay curious tend to learn the most',
    'the same questions come up again and again',
    'clear goals make the work feel lighter',
    'people in many countries are rethinking {topic}',
    'our understanding of {topic} has grown over the years',
    'the topic invites people to slow down and pay attention',
    'some of the best lessons come from failure',
    'the debate often hides how much people agree',
    'the most useful advice is often the simplest',
    'everyone brings a different point of view to {topic}',
    'small groups can achieve a great deal together',
    'one careful plan beats many hasty ones',
    'the most rewarding part is seeing real progress',
    'there is no need to rush the process',
    'people often return to {topic} after a long break',
    'the basics are worth learning properly',
    'good results rarely happen by accident',
    'most of the hard work happens out of sight',
    'the people around us shape our habits more than we think',
    'the same ideas look different from another angle',
  ],
  joiners: ['and', 'and', 'so', 'because'],
  titles: ['{Topic}', 'Thoughts on {Topic}', 'Why {Topic} Matters', 'Notes on {Topic}', 'On {Topic}'],
  withWord: 'with',
  andWord: 'and',
  placeholders: ['name', 'address', 'date', 'city', 'company', 'phone number', 'email', 'time'],
};

/**
 * Languages besides English the composer can really write, by IFEval's language code.
 * Their clauses are generic (no topic slot) so that no English word dilutes language
 * detection, and each starts with a word that may be lowercased after a joiner.
 */
const FOREIGN: Readonly<Record<string, LanguageKit>> = {
  fr: {
    clauses: [
      'ce sujet mérite notre attention',
      'les gens en parlent souvent avec passion',
      'chaque saison apporte de nouvelles surprises',
      'les petits gestes comptent beaucoup dans la vie quotidienne',
      'nous apprenons toujours quelque chose de nouveau',
      'les familles partagent leurs traditions avec plaisir',
      'il faut du temps pour bien comprendre les choses',
      'les résultats dépendent surtout de la patience',
      'beaucoup de personnes trouvent cela très agréable',
      'les voisins donnent souvent de bons conseils',
      'cette idée devient de plus en plus populaire',
      'les enfants posent toujours les meilleures questions',
      'nous devons en parler avec calme et sans peur',
      'la curiosité ouvre beaucoup de portes',
      'les habitudes simples changent la vie',
      'le plus important reste la pratique régulière',
      'les bibliothèques offrent des ressources utiles',
      'tout le monde peut participer à cette aventure',
      'les erreurs font partie du chemin',
      'le temps passé ainsi est rarement perdu',
      'les bonnes informations aident à faire de meilleurs choix',
      'nous avons encore beaucoup de questions',
      'cela compte vraiment',
      'le temps passe vite',
      'tout change lentement',
      'les gens écoutent volontiers',
      'cela reste vrai',
    ],
    joiners: ['et'],
    titles: ['Quelques réflexions', 'Notes sur le sujet', 'Un regard nouveau'],
    withWord: 'avec',
    andWord: 'et',
    placeholders: ['nom', 'adresse', 'date', 'ville', 'téléphone'],
  },
  es: {
    clauses: [
      'este tema merece nuestra atención',
      'la gente habla de esto con mucha pasión',
      'cada estación trae nuevas sorpresas',
      'los pequeños gestos cuentan mucho en la vida diaria',
      'siempre aprendemos algo nuevo',
      'las familias comparten sus tradiciones con alegría',
      'hace falta tiempo para entender bien las cosas',
      'los resultados dependen sobre todo de la paciencia',
      'muchas personas encuentran esto muy agradable',
      'los vecinos suelen dar buenos consejos',
      'esta idea es cada vez más popular',
      'los niños siempre hacen las mejores preguntas',
      'debemos hablar de ello con calma y sin miedo',
      'la curiosidad abre muchas puertas',
      'los hábitos sencillos cambian la vida',
      'lo más importante sigue siendo la práctica constante',
      'las bibliotecas ofrecen recursos muy útiles',
      'todo el mundo puede participar en esta aventura',
      'los errores forman parte del camino',
      'el tiempo dedicado a esto rara vez se pierde',
      'la buena información ayuda a tomar mejores decisiones',
      'todavía tenemos muchas preguntas',
      'esto importa mucho',
      'el tiempo vuela',
      'todo cambia despacio',
      'la gente escucha con atención',
      'sigue siendo cierto',
    ],
    joiners: ['y'],
    titles: ['Algunas reflexiones', 'Notas sobre el tema', 'Una mirada nueva'],
    withWord: 'con',
    andWord: 'y',
    placeholders: ['nombre', 'dirección', 'fecha', 'ciudad', 'teléfono'],
  },
  de: {
    clauses: [
      'dieses Thema verdient unsere Aufmerksamkeit',
      'viele Menschen sprechen gern und oft darüber',
      'jede Jahreszeit bringt neue Überraschungen',
      'kleine Gesten zählen im Alltag sehr viel',
      'wir lernen dabei immer etwas Neues',
      'die Familien pflegen ihre Traditionen mit Freude',
      'man braucht viel Zeit für ein gutes Verständnis',
      'die Ergebnisse hängen vor allem von der Geduld ab',
      'viele Leute finden das sehr angenehm',
      'die Nachbarn geben oft gute Ratschläge',
      'diese Idee wird immer beliebter',
      'die Kinder stellen immer die besten Fragen',
      'wir sollten ruhig und ohne Angst darüber reden',
      'die Neugier öffnet viele Türen',
      'einfache Gewohnheiten verändern das Leben',
      'das Wichtigste bleibt die regelmäßige Übung',
      'die Bibliotheken bieten nützliche Hilfsmittel',
      'jeder kann an diesem Abenteuer teilnehmen',
      'die Fehler gehören zum Weg dazu',
      'die Zeit dafür ist selten verloren',
      'gute Informationen helfen bei besseren Entscheidungen',
      'wir haben noch viele Fragen',
      'das zählt wirklich',
      'die Zeit vergeht schnell',
      'alles ändert sich langsam',
      'die Leute hören gern zu',
      'das bleibt wahr',
    ],
    joiners: ['und'],
    titles: ['Einige Gedanken', 'Notizen zum Thema', 'Ein neuer Blick'],
    withWord: 'mit',
    andWord: 'und',
    placeholders: ['Name', 'Adresse', 'Datum', 'Stadt', 'Telefon'],
  },
  it: {
    clauses: [
      'questo tema merita la nostra attenzione',
      'la gente ne parla spesso con passione',
      'ogni stagione porta nuove sorprese',
      'piccoli gesti contano molto nella vita quotidiana',
      'impariamo sempre qualcosa di nuovo',
      'le famiglie condividono le loro tradizioni con gioia',
      'serve tempo per capire bene le cose',
      'molto dipende dalla pazienza',
      'molte persone trovano tutto questo molto piacevole',
      'spesso i vicini danno buoni consigli',
      'questa idea diventa sempre più popolare',
      'le bambine e i bambini fanno sempre le domande migliori',
      'dobbiamo parlarne con calma e senza paura',
      'la curiosità apre molte porte',
      'le abitudini semplici cambiano la vita',
      'la cosa più importante resta la pratica costante',
      'le biblioteche offrono risorse utili',
      'tutti possono partecipare a questa avventura',
      'gli errori fanno parte del cammino',
      'il tempo dedicato a questo raramente va perso',
      'le buone informazioni aiutano a fare scelte migliori',
      'abbiamo ancora molte domande',
      'questo conta davvero',
      'il tempo vola',
      'tutto cambia piano piano',
      'la gente ascolta volentieri',
      'questo resta vero',
    ],
    joiners: ['e'],
    titles: ['Alcune riflessioni', 'Note sul tema', 'Uno sguardo nuovo'],
    withWord: 'con',
    andWord: 'e',
    placeholders: ['nome', 'indirizzo', 'data', 'città', 'telefono'],
  },
  pt: {
    clauses: [
      'este tema merece a nossa atenção',
      'as pessoas falam disso com muita paixão',
      'cada estação traz novas surpresas',
      'os pequenos gestos contam muito no dia a dia',
      'aprendemos sempre algo novo',
      'as famílias partilham as suas tradições com alegria',
      'leva tempo entender bem as coisas',
      'os resultados dependem sobretudo da paciência',
      'muitas pessoas acham isso muito agradável',
      'os vizinhos costumam dar bons conselhos',
      'esta ideia está cada vez mais popular',
      'as crianças fazem sempre as melhores perguntas',
      'devemos falar disso com calma e sem medo',
      'uma boa dose de curiosidade abre muitas portas',
      'os hábitos simples mudam a vida',
      'mais importante ainda é a prática constante',
      'as bibliotecas oferecem recursos úteis',
      'todos podem participar nesta aventura',
      'os erros fazem parte do caminho',
      'tempo dedicado a isto raramente se perde',
      'boa informação ajuda a fazer melhores escolhas',
      'ainda temos muitas perguntas',
      'isto importa muito',
      'tudo muda devagar',
      'as pessoas escutam com atenção',
      'isso continua certo',
      'tempo voa depressa',
    ],
    joiners: ['e'],
    titles: ['Algumas reflexões', 'Notas sobre o tema', 'Um olhar novo'],
    withWord: 'com',
    andWord: 'e',
    placeholders: ['nome', 'morada', 'data', 'cidade', 'telefone'],
  },
};

/** Language codes (IFEval's) the composer can write a whole response in, besides English. */
export const COMPOSABLE_LANGUAGES: readonly string[] = Object.keys(FOREIGN);

/** Frames that mention words in passing at the end of an English sentence: "much like {list}". */
const MENTION_FRAMES = ['much like {list}', 'along with {list}', 'as seen in {list}', 'not unlike {list}', 'with a nod to {list}'];

/** Frames that open a sentence with a given word, for "paragraph n must start with word w". */
const LEAD_FRAMES = ['{word} is worth a thought here and', '{word} comes to mind first and', '{word} matters here too and'];

/**
 * Words that contain a letter exactly once, by letter: how a response raises a letter's
 * count by a known amount. Only these letters are offered to letter-frequency tasks,
 * because English filler can also avoid them entirely.
 */
const LETTER_WORDS: Readonly<Record<string, readonly string[]>> = {
  j: ['jam', 'jar', 'jet', 'jog', 'joy', 'jug', 'jelly', 'jacket', 'jungle', 'jewel', 'juice', 'journey'],
  k: ['kite', 'kiln', 'knot', 'kelp', 'kilt', 'bike', 'lake', 'park', 'book', 'milk', 'silk', 'desk'],
  q: ['quilt', 'queen', 'quest', 'quince', 'squid', 'quota', 'quay', 'liquid', 'equator', 'squash'],
  v: ['van', 'vase', 'vine', 'vest', 'vote', 'oven', 'dove', 'glove', 'river', 'cave', 'olive'],
  x: ['box', 'fox', 'wax', 'axe', 'lynx', 'taxi', 'flax', 'index', 'mix', 'ox', 'fax'],
  z: ['zoo', 'zebra', 'zinc', 'zone', 'haze', 'maze', 'blaze', 'prize', 'breeze', 'zest', 'quiz'],
};

/** Letters whose frequency the composer can set exactly, up or down. */
export const CONTROLLABLE_LETTERS: readonly string[] = Object.keys(LETTER_WORDS);

/** The options of IFEval's constrained response. */
const ANSWER_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];
/** Answers that take a side without using any of the options. */
const OFF_OPTION_ANSWERS = ['Yes, I think so.', 'Probably not.', 'It depends.'];

// ---------------------------------------------------------------------------------------
// Stage 1: what each instruction asks of the draft
// ---------------------------------------------------------------------------------------

/** An inclusive range of counts. */
interface Range {
  lo: number;
  hi: number;
}

/** The settings of one response, as the instructions and their intents leave them. */
interface Plan {
  /** 'en' or one of COMPOSABLE_LANGUAGES. */
  language: string;
  title: boolean;
  paragraphs?: { count: number; separator: 'divider' | 'blank' };
  /** The word paragraph `paragraph` (1-based) opens with. */
  lead?: { paragraph: number; word: string };
  sections?: { splitter: string; count: number };
  bullets: number;
  placeholders: number;
  highlights: number;
  /** Capital words in the whole response. */
  capitals?: number;
  postscript?: string;
  endPhrase?: string;
  /** Groups of words to mention in passing, one group per mention. */
  mentions: string[][];
  /** Occurrences of a controllable letter to write. */
  letter?: { letter: string; count: number };
  /** Substrings the filler must not contain (keywords, forbidden words, the counted letter). */
  avoid: string[];
  comma: boolean;
  sentences?: Range;
  words?: Range;
  twoResponses: boolean;
  repeat?: string;
  wrap: 'none' | 'quotes' | 'json';
  letterCase: 'as written' | 'upper' | 'lower';
  /** Constrained response: answer with one of the options (true) or take a side in other words (false). */
  answerOption?: boolean;
}

/**
 * The count to write for "relation n": satisfied when `intent`, otherwise missed, by a
 * small random margin so that answers sit near the boundary as real attempts do.
 */
function countFor(relation: Relation, n: number, intent: boolean, slack: number, rng: Rng): number {
  const reachesN = (relation === 'at least') === intent;
  return reachesN ? n + rng.int(0, slack) : Math.max(0, n - 1 - rng.int(0, slack));
}

/** The range of counts for "relation n" that is satisfied when `intent`, otherwise missed. */
function rangeFor(relation: Relation, n: number, intent: boolean, width: number): Range {
  const reachesN = (relation === 'at least') === intent;
  return reachesN ? { lo: n, hi: n + width } : { lo: Math.max(0, n - 1 - width), hi: n - 1 };
}

/** One more or one fewer than n (never below `least`): an exact count missed by one. */
function offByOne(n: number, least: number, rng: Rng): number {
  return n <= least || rng.chance(0.5) ? n + 1 : n - 1;
}

type Operation<K extends InstructionId> = (plan: Plan, kwargs: InstructionKwargs[K], intent: boolean, rng: Rng) => void;

/**
 * How each instruction is followed (intent true) or missed (intent false): the one place
 * where an instruction's composing operation lives.
 */
const OPERATIONS: { [K in InstructionId]: Operation<K> } = {
  'keywords:existence': (plan, { keywords }, intent) => {
    plan.avoid.push(...keywords);
    const mentioned = intent ? keywords : keywords.slice(0, -1);
    if (mentioned.length > 0) plan.mentions.push(mentioned);
  },
  'keywords:frequency': (plan, { keyword, frequency, relation }, intent, rng) => {
    plan.avoid.push(keyword);
    const count = countFor(relation, frequency, intent, 1, rng);
    for (let i = 0; i < count; i++) plan.mentions.push([keyword]);
  },
  'keywords:forbidden_words': (plan, { forbidden_words }, intent, rng) => {
    plan.avoid.push(...forbidden_words);
    if (!intent) plan.mentions.push([rng.pick(forbidden_words)]);
  },
  'keywords:letter_frequency': (plan, { letter, let_frequency, let_relation }, intent, rng) => {
    plan.avoid.push(letter);
    plan.letter = { letter, count: countFor(let_relation, let_frequency, intent, 2, rng) };
  },
  'language:response_language': (plan, { language }, intent) => {
    if (intent) plan.language = language;
  },
  'length_constraints:number_sentences': (plan, { num_sentences, relation }, intent) => {
    plan.sentences = rangeFor(relation, num_sentences, intent, 2);
  },
  'length_constraints:number_paragraphs': (plan, { num_paragraphs }, intent, rng) => {
    plan.paragraphs = { count: intent ? num_paragraphs : offByOne(num_paragraphs, 1, rng), separator: 'divider' };
  },
  'length_constraints:number_words': (plan, { num_words, relation }, intent) => {
    plan.words = rangeFor(relation, num_words, intent, 30);
  },
  'length_constraints:nth_paragraph_first_word': (plan, { num_paragraphs, nth_paragraph, first_word }, intent) => {
    plan.paragraphs = { count: num_paragraphs, separator: 'blank' };
    plan.avoid.push(first_word);
    // Missed the way writers miss it: the word opens the neighbouring paragraph instead.
    const paragraph = intent ? nth_paragraph : nth_paragraph < num_paragraphs ? nth_paragraph + 1 : nth_paragraph - 1;
    if (paragraph >= 1) plan.lead = { paragraph, word: first_word };
  },
  'detectable_content:number_placeholders': (plan, { num_placeholders }, intent, rng) => {
    plan.placeholders = intent ? num_placeholders + rng.int(0, 1) : num_placeholders - 1;
  },
  'detectable_content:postscript': (plan, { postscript_marker }, intent) => {
    if (intent) plan.postscript = postscript_marker;
  },
  'detectable_format:number_bullet_lists': (plan, { num_bullets }, intent, rng) => {
    plan.bullets = intent ? num_bullets : offByOne(num_bullets, 0, rng);
  },
  'detectable_format:constrained_response': (plan, _kwargs, intent) => {
    plan.answerOption = intent;
  },
  'detectable_format:number_highlighted_sections': (plan, { num_highlights }, intent, rng) => {
    plan.highlights = intent ? num_highlights + rng.int(0, 1) : num_highlights - 1;
  },
  'detectable_format:multiple_sections': (plan, { section_spliter, num_sections }, intent) => {
    plan.sections = { splitter: section_spliter, count: intent ? num_sections : num_sections - 1 };
  },
  'detectable_format:json_format': (plan, _kwargs, intent) => {
    if (intent) plan.wrap = 'json';
  },
  'detectable_format:title': (plan, _kwargs, intent) => {
    plan.title = intent;
  },
  'combination:two_responses': (plan, _kwargs, intent) => {
    plan.twoResponses = intent;
  },
  'combination:repeat_prompt': (plan, { prompt_to_repeat }, intent) => {
    if (intent) plan.repeat = prompt_to_repeat;
  },
  'startend:end_checker': (plan, { end_phrase }, intent) => {
    plan.avoid.push(end_phrase.replace(/[.?!]+$/, ''));
    if (intent) plan.endPhrase = end_phrase;
  },
  'startend:quotation': (plan, _kwargs, intent) => {
    if (intent) plan.wrap = 'quotes';
  },
  'change_case:capital_word_frequency': (plan, { capital_frequency, capital_relation }, intent, rng) => {
    plan.capitals = countFor(capital_relation, capital_frequency, intent, 2, rng);
  },
  'change_case:english_capital': (plan, _kwargs, intent) => {
    if (intent) plan.letterCase = 'upper';
  },
  'change_case:english_lowercase': (plan, _kwargs, intent) => {
    if (intent) plan.letterCase = 'lower';
  },
  'punctuation:no_comma': (plan, _kwargs, intent) => {
    plan.comma = !intent;
  },
};

function planFor(instructions: readonly Instruction[], intents: readonly boolean[], rng: Rng): Plan {
  const plan: Plan = {
    language: 'en',
    title: false,
    bullets: 0,
    placeholders: 0,
    highlights: 0,
    mentions: [],
    avoid: [],
    comma: false,
    twoResponses: false,
    wrap: 'none',
    letterCase: 'as written',
  };
  instructions.forEach((instruction, i) => {
    (OPERATIONS[instruction.id] as Operation<InstructionId>)(plan, instruction.kwargs, intents[i]!, rng);
  });
  return plan;
}

// ---------------------------------------------------------------------------------------
// Stage 2: the draft, built and sized
// ---------------------------------------------------------------------------------------

interface Sentence {
  /** Words that must open the sentence. */
  lead: string[];
  /** The sentence's clauses, each a list of words; `joiners[i]` joins clause i and i + 1. */
  clauses: string[][];
  joiners: string[];
  /** Phrases appended in passing (mentions, placeholders). */
  extras: string[][];
  /** Set by decoration: the words as finally written. */
  words?: string[];
}

/** A paragraph, or a section within a paragraph. */
interface Unit {
  startsParagraph: boolean;
  marker?: string;
  sentences: Sentence[];
  bullets: string[];
}

interface Draft {
  title?: string;
  units: Unit[];
  postscript?: string;
  endPhrase?: string;
  /** Blank lines separate only paragraphs (nth-paragraph tasks), so everything else joins with single newlines. */
  blankLinesOnlyBetweenParagraphs: boolean;
  paragraphDivider: string;
}

/** The composer's view of its word supply for one response: what it may write, and what it has written. */
class Writer {
  /** Clauses already written, by identity. */
  private readonly used = new Set<readonly string[]>();

  constructor(
    readonly kit: LanguageKit,
    private readonly clauses: readonly (readonly string[])[],
    private readonly avoid: readonly string[],
    readonly rng: Rng,
  ) {}

  static forPlan(plan: Plan, topic: string, rng: Rng): Writer {
    const kit = plan.language === 'en' ? ENGLISH : FOREIGN[plan.language]!;
    const avoid = plan.avoid.map((text) => text.toLowerCase());
    const clauses = kit.clauses
      .map((clause) => clause.replace('{topic}', topic))
      .filter((clause) => !avoid.some((text) => clause.toLowerCase().includes(text)))
      .map((clause) => clause.split(' '));
    return new Writer(kit, clauses, avoid, rng);
  }

  /** Whether a piece of text keeps clear of every substring the plan avoids (but `allowed`). */
  allows(text: string, allowed?: string): boolean {
    const lower = text.toLowerCase();
    return !this.avoid.some((avoided) => avoided !== allowed && lower.includes(avoided));
  }

  /** The options that keep clear of avoided substrings (but `allowed`), or all of them when none does. */
  usable(options: readonly string[], allowed?: string): readonly string[] {
    const clear = options.filter((option) => this.allows(option, allowed));
    return clear.length > 0 ? clear : options;
  }

  /** One usable option of a list of templates, their `{slots}` aside. */
  choose(templates: readonly string[]): string {
    const clear = templates.filter((template) => this.allows(template.replace(/\{\w+\}/g, '')));
    return this.rng.pick(clear.length > 0 ? clear : templates);
  }

  /** A fresh clause of at most `maxWords` words when there is one, preferring unused clauses. */
  clause(maxWords = Infinity): string[] {
    const fitting = this.clauses.filter((words) => words.length <= maxWords);
    const pool = fitting.length > 0 ? fitting : [this.shortestClause()];
    const fresh = pool.filter((words) => !this.used.has(words));
    const chosen = this.rng.pick(fresh.length > 0 ? fresh : pool);
    this.used.add(chosen);
    return [...chosen];
  }

  private shortestClause(): readonly string[] {
    return this.clauses.reduce((best, words) => (words.length < best.length ? words : best));
  }

  joiner(): string {
    return this.choose(this.kit.joiners);
  }
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const titleCase = (text: string): string => text.split(' ').map(capitalize).join(' ');

function sentenceWords(sentence: Sentence): string[] {
  const words = [...sentence.lead];
  sentence.clauses.forEach((clause, i) => {
    if (i > 0) words.push(sentence.joiners[i - 1]!);
    words.push(...clause);
  });
  return [...words, ...sentence.extras.flat()];
}

function renderSentence(sentence: Sentence): string {
  return `${capitalize((sentence.words ?? sentenceWords(sentence)).join(' '))}.`;
}

function renderDraft(draft: Draft): string {
  const inner = draft.blankLinesOnlyBetweenParagraphs ? '\n' : '\n\n';
  const paragraphs: string[][] = [];
  for (const unit of draft.units) {
    const lines = [
      ...(unit.marker ? [unit.marker] : []),
      unit.sentences.map(renderSentence).join(' '),
      ...(unit.bullets.length > 0 ? [unit.bullets.map((bullet) => `* ${bullet}`).join('\n')] : []),
    ];
    if (unit.startsParagraph || paragraphs.length === 0) paragraphs.push([]);
    paragraphs.at(-1)!.push(lines.join(inner));
  }
  const body = paragraphs.map((units) => units.join(inner)).join(draft.paragraphDivider);
  return [draft.title && `<<${draft.title}>>`, body, draft.postscript, draft.endPhrase].filter(Boolean).join(inner);
}

function newSentence(writer: Writer, maxWords?: number): Sentence {
  return { lead: [], clauses: [writer.clause(maxWords)], joiners: [], extras: [] };
}

/** The units of a draft: paragraphs and sections interleaved so both counts come out as planned. */
function layoutUnits(plan: Plan, rng: Rng): Unit[] {
  // Without a paragraph instruction, a short answer is one paragraph and a longer one up to three.
  const shortAnswer = plan.sections !== undefined || (plan.sentences !== undefined && plan.sentences.hi < 8);
  const paragraphs = plan.paragraphs?.count ?? (shortAnswer ? 1 : rng.int(1, 3));
  const sections = plan.sections?.count ?? 0;
  const count = Math.max(paragraphs, sections, 1);
  const starts = (n: number): Set<number> => new Set(Array.from({ length: n }, (_, k) => Math.floor((k * count) / n)));
  const paragraphStarts = starts(paragraphs);
  const sectionStarts = [...starts(sections)];
  return Array.from({ length: count }, (_, u) => ({
    startsParagraph: paragraphStarts.has(u),
    marker: sectionStarts.includes(u) ? `${plan.sections!.splitter} ${sectionStarts.indexOf(u) + 1}` : undefined,
    sentences: [],
    bullets: [],
  }));
}

/** Words of an "in passing" phrase naming things: "much like the lantern and the compass". */
function mentionPhrase(writer: Writer, words: readonly string[]): string[] {
  const list = words.map((word) => `the ${word}`).join(` ${writer.kit.andWord} `);
  return writer.choose(MENTION_FRAMES).replace('{list}', list).split(' ');
}

function placeholderPhrase(writer: Writer, count: number): string[] {
  const names = writer.rng.shuffle(writer.usable(writer.kit.placeholders));
  const list = Array.from({ length: count }, (_, i) => `[${names[i % names.length]!}]`);
  return [writer.kit.withWord, ...list.join(` ${writer.kit.andWord} `).split(' ')];
}

/** Letter words to add `count` occurrences of `letter`, in groups of at most three per mention. */
function letterMentions(writer: Writer, letter: string, count: number): string[][] {
  const words = writer.rng.shuffle(writer.usable(LETTER_WORDS[letter]!, letter));
  const chosen = Array.from({ length: count }, (_, i) => words[i % words.length]!);
  const groups: string[][] = [];
  for (let i = 0; i < chosen.length; i += 3) groups.push(chosen.slice(i, i + 3));
  return groups;
}

function proseSentences(draft: Draft): Sentence[] {
  return draft.units.flatMap((unit) => unit.sentences);
}

/**
 * Builds one response body: structure first, then content in passing, then prose
 * sentences added, lengthened or shortened until sentence and word counts are in range.
 */
function buildDraft(plan: Plan, topic: string, writer: Writer, withTitle: boolean): Draft {
  const { rng, kit } = writer;
  const units = layoutUnits(plan, rng);
  const draft: Draft = {
    title: withTitle ? writer.choose(kit.titles).replace('{Topic}', titleCase(topic)) : undefined,
    units,
    postscript: plan.postscript && `${plan.postscript.replace(/\.?$/, '.')} ${renderSentence(newSentence(writer, 8))}`,
    endPhrase: plan.endPhrase,
    blankLinesOnlyBetweenParagraphs: plan.paragraphs?.separator === 'blank',
    paragraphDivider: plan.paragraphs?.separator === 'divider' ? '\n\n***\n\n' : '\n\n',
  };
  for (const unit of units) unit.sentences.push(newSentence(writer, 6));
  const bulletUnit = units[Math.floor(units.length / 2)]!;
  bulletUnit.bullets = Array.from({ length: plan.bullets }, () => renderSentence(newSentence(writer, 8)));

  // Sentences: the structure above has the fewest the plan allows; prose makes up the rest.
  const floor = countSentences(renderDraft(draft));
  const wanted = plan.sentences
    ? rng.int(Math.max(plan.sentences.lo, floor), Math.max(plan.sentences.hi, floor))
    : floor + Math.round((plan.words?.lo ?? 100) / 14) + rng.int(0, 2);
  for (let i = floor; i < wanted; i++) units[i % units.length]!.sentences.push(newSentence(writer, 10));

  const prose = proseSentences(draft);
  if (plan.lead) {
    const opening = units.filter((unit) => unit.startsParagraph)[plan.lead.paragraph - 1]!.sentences[0]!;
    opening.lead = writer.choose(LEAD_FRAMES).replace('{word}', plan.lead.word).split(' ');
  }
  const inPassing = [
    ...plan.mentions.map((words) => mentionPhrase(writer, words)),
    ...(plan.letter ? letterMentions(writer, plan.letter.letter, plan.letter.count).map((words) => mentionPhrase(writer, words)) : []),
    ...(plan.placeholders > 0 ? [placeholderPhrase(writer, plan.placeholders)] : []),
  ];
  const offset = rng.int(0, prose.length - 1);
  inPassing.forEach((phrase, i) => prose[(offset + i) % prose.length]!.extras.push(phrase));
  if (plan.comma) {
    // The comma goes before a joiner, so the sentence that carries it needs two clauses.
    const sentence = rng.pick(prose);
    if (sentence.clauses.length === 1) {
      sentence.joiners.push(writer.joiner());
      sentence.clauses.push(writer.clause(6));
    }
  }
  fitWords(draft, wordRange(plan, wanted, rng), writer);
  return draft;
}

/**
 * The word range a draft must land in: the plan's, or a natural length for its
 * sentences; with room for the words that capitals and highlights decorate either way.
 */
function wordRange(plan: Plan, sentences: number, rng: Rng): Range {
  const decorated = 3 * (plan.capitals ?? 0) + 3 * plan.highlights + 10;
  const lo = Math.max(plan.words?.lo ?? sentences * rng.int(9, 14), decorated);
  return { lo, hi: plan.words?.hi ?? Infinity };
}

const SHORT_CLAUSE = 4;

/** Shortens clauses while the draft is too long, then adds clauses while it is too short. */
function fitWords(draft: Draft, { lo, hi }: Range, writer: Writer): void {
  const prose = proseSentences(draft);
  let words = countWords(renderDraft(draft));
  for (const sentence of [...prose].sort((a, b) => b.clauses[0]!.length - a.clauses[0]!.length)) {
    if (words <= hi || sentence.clauses[0]!.length <= SHORT_CLAUSE) break;
    const short = writer.clause(SHORT_CLAUSE);
    words -= sentence.clauses[0]!.length - short.length;
    sentence.clauses[0] = short;
  }
  let next = writer.rng.int(0, prose.length - 1);
  while (words < lo) {
    const sentence = prose[next++ % prose.length]!;
    const joiner = writer.joiner();
    const clause = writer.clause(hi - words - 1);
    sentence.joiners.push(joiner);
    sentence.clauses.push(clause);
    words += countWords(`${joiner} ${clause.join(' ')}`);
  }
}

// ---------------------------------------------------------------------------------------
// Stage 3: decorations that change no count, and the wrappers
// ---------------------------------------------------------------------------------------

/** Positions of prose words that may be decorated: plain words, never a sentence's first. */
function decorableWords(draft: Draft): { sentence: Sentence; index: number }[] {
  return proseSentences(draft).flatMap((sentence) =>
    sentence.words!.flatMap((word, index) => (index > 0 && /^\p{L}{3,}$/u.test(word) ? [{ sentence, index }] : [])),
  );
}

function decorate(draft: Draft, plan: Plan, rng: Rng): void {
  for (const sentence of proseSentences(draft)) sentence.words = sentenceWords(sentence);
  if (plan.comma) {
    const sentence = proseSentences(draft).find((s) => s.clauses.length > 1)!;
    const beforeJoiner = sentence.lead.length + sentence.clauses[0]!.length - 1;
    sentence.words![beforeJoiner] += ',';
  }
  if (plan.capitals !== undefined) {
    const present = countCapitalWords(renderDraft(draft));
    const candidates = rng.shuffle(decorableWords(draft));
    for (const { sentence, index } of candidates.slice(0, Math.max(0, plan.capitals - present))) {
      sentence.words![index] = sentence.words![index]!.toUpperCase();
    }
  }
  if (plan.highlights > 0) {
    for (const { sentence, index } of rng.shuffle(decorableWords(draft)).slice(0, plan.highlights)) {
      sentence.words![index] = `*${sentence.words![index]}*`;
    }
  }
}

/** A draft as a JSON object, its paragraphs as strings (JSON answers carry no other structure). */
function renderJson(draft: Draft, topic: string, rng: Rng): string {
  const paragraphs = draft.units.map((unit) => unit.sentences.map(renderSentence).join(' '));
  const json = JSON.stringify({ topic, paragraphs }, null, 2);
  return rng.chance(0.5) ? `\`\`\`json\n${json}\n\`\`\`` : json;
}

function renderResponse(plan: Plan, drafts: readonly Draft[], topic: string, rng: Rng): string {
  let text = plan.wrap === 'json' ? renderJson(drafts[0]!, topic, rng) : drafts.map(renderDraft).join('\n\n******\n\n');
  if (plan.repeat) text = `${plan.repeat}\n\n${text}`;
  if (plan.letterCase === 'upper') text = text.toUpperCase();
  if (plan.letterCase === 'lower') text = text.toLowerCase();
  if (plan.wrap === 'quotes') text = `"${text}"`;
  return text;
}

/** A constrained response: one sentence that takes a side, then one about the topic. */
function composeConstrained(plan: Plan, topic: string, rng: Rng): string {
  const writer = Writer.forPlan(plan, topic, rng);
  const answer = rng.pick(plan.answerOption ? ANSWER_OPTIONS : OFF_OPTION_ANSWERS);
  return `${answer} ${renderSentence(newSentence(writer))}`;
}

function writeResponse(plan: Plan, topic: string, rng: Rng): string {
  if (plan.answerOption !== undefined) return composeConstrained(plan, topic, rng);
  const drafts = Array.from({ length: plan.twoResponses ? 2 : 1 }, (_, i) => {
    const draft = buildDraft(plan, topic, Writer.forPlan(plan, topic, rng), plan.title && i === 0);
    decorate(draft, plan, rng);
    return draft;
  });
  return renderResponse(plan, drafts, topic, rng);
}

/** Drafts written before settling for one whose language may be misread. */
const LANGUAGE_ATTEMPTS = 10;

/**
 * A response about `topic` that follows instruction i exactly when `intents[i]` is true
 * and visibly misses it otherwise, for any instruction set the generator makes.
 */
export function composeResponse(options: { topic: string; instructions: Instruction[]; intents: boolean[]; rng: Rng }): string {
  const { topic, instructions, intents, rng } = options;
  const plan = planFor(instructions, intents, rng);
  // Language identification reads little of a short text in capitals (langdetect skips
  // all-caps words past their first letter), so such drafts are reread and rewritten.
  const language = plan.language !== 'en' ? plan.language : plan.letterCase !== 'as written' ? 'en' : undefined;
  for (let attempt = 1; ; attempt++) {
    const text = writeResponse(plan, topic, rng);
    if (language === undefined || attempt === LANGUAGE_ATTEMPTS) return text;
    const detected = detectLanguage(text);
    if (detected === null || detected === language) return text;
  }
}
