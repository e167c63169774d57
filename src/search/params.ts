/**
 * Every number the ranker and the answer decision use, in one place, so they can be chosen
 * together by measurement rather than one at a time. Each says which command chose it (see
 * docs/measuring.md); none of those commands writes this file, and what each number did when it
 * was chosen is in docs/history.md and the commit that set it.
 */
export const PARAMS = {
  /**
   * How strongly a word in each part of a section says "this section is about that", 0..1.
   * A heading is the strongest evidence; the page title and the site section the page is filed
   * under count for every section of the page, less than the section's own heading.
   */
  field: { heading: 1, subheading: 0.8, pageTitle: 0.7, link: 0.7, pageSection: 0.35 },
  /**
   * Body strength: bodyMin for one mention, approaching bodyMax as mentions grow. The field and
   * body strengths, synonym, typo, unknown and headingFit: npm run tune.
   */
  bodyMin: 0.5,
  bodyMax: 0.75,
  /** A synonym counts a little less than the word itself, so the manual's own words win ties. */
  synonym: 0.9,
  /** A corrected typo counts less still: the correction may be wrong. */
  typo: 0.8,
  /**
   * A word that example questions use, an edit away from a word of the manual used this many
   * times as often, is a typo of it (see buildIndex). Set by hand; checked across the shipped
   * page's writers (npm run tune:examples prints how the shipped settings do).
   */
  typoUses: 10,
  /**
   * A word the manual never uses (and is no typo of one it uses) counts at this share of the
   * rarest word's weight. Such words are often phrasing ("job", "raises"), but in questions the
   * manual cannot answer they are the topic ("annual leave", "wifi"), so they cannot count for nothing.
   */
  unknown: 0.5,
  /**
   * Share of the score that depends on how much of the section's heading the question covers:
   * "tech lead" fits "Responsibilities of a Tech Lead" better than a long heading that mentions it.
   */
  headingFit: 0.15,
  /**
   * Weight of the share of the question's adjacent word pairs that the section has side by side
   * (see phrases.ts), against 1 for the rest of the lexical score: npm run tune:lexical, on the
   * whole manual's tuning questions without examples.
   */
  phrase: 0.3,
  /**
   * Answer when the best score reaches `sure`, or reaches `min` and is `ratio` times the
   * runner-up's (see decide.ts), where the manual has no example questions: npm run tune:lexical,
   * on the whole manual's tuning questions served without examples, a wrong answer counting three
   * times a declined one, as the middle of the best region of the grid. `offer`: a match scoring at
   * least this is plausible enough to offer; set by hand, here and with examples below.
   */
  decision: { sure: 0.75, min: 0.35, ratio: 1.4, offer: 0.2 },
  /**
   * With example questions (manual/example-questions/): a section's score is
   * (lexical + weight * examples) / (1 + weight), where `examples` is the mean similarity of the
   * question to the section's `nearest` closest example questions. The decision is the one above
   * with its own numbers, plus `notAnswered`, `likelier` and `notAnsweredMax` (see decide.ts).
   * Chosen by npm run tune:examples (eval/tuneExamples.ts) on each writer's questions scored
   * against the other writers' examples, never on the evaluation questions.
   */
  examples: {
    weight: 6,
    nearest: 1,
    /**
     * How much a pair of adjacent words counts, against a word, in comparing questions (see
     * questionFeatures). Read when the index is built: changing it means rebuilding the index.
     */
    pairs: 0.5,
    /**
     * A word no example uses counts against every example this many times the weight idf gives a
     * word that rare (see nearestExamples): a question about something no example mentions is near
     * none of them.
     */
    unknown: 2,
    /**
     * The classifier learnt from the examples (see exampleClassifier): a section it covers scores
     * (lexical + weight * examples + classifier.weight * probability) / (1 + weight + classifier.weight).
     * minExamples: it is trained only when "not answered" has this many examples, and counts only
     * for sections with this many (the rest share one class); fewer cannot tell a leaning word from
     * chance. A safety floor, not tuned. epochs and l2: chosen across writers by hand
     * (npm run tune:examples with EPOCHS and L2); rate not tried otherwise. orders: training runs
     * averaged, each over the examples in its own order (see trainClassifier), and seed the first
     * order's shuffle seed: npm run eval:orders. All are read when the index is built.
     */
    classifier: { weight: 1.4, epochs: 4, l2: 1e-5, rate: 0.5, orders: 4, seed: 1, minExamples: 200 },
    decision: { sure: 0.7, min: 0.3, ratio: 1.15, offer: 0.2, notAnswered: 1, likelier: 0.5, notAnsweredMax: 0.4 },
  },
  /**
   * Keyword queries (see keywords.ts): at most `maxWords` words (the one to three), and a
   * word in the text of more than `keyTermSections` sections is no key term. Where a query points
   * at several sections, the best ranked answers if it scores `ratio` times the next (the shipped
   * page's margin). Set by hand, on the tuning half of the keyword questions, and checked across
   * the shipped page's writers.
   */
  keywords: { maxWords: 3, keyTermSections: 2, ratio: 1.15 },
  /**
   * With example questions, in a manual of more than one page (the whole GOV.UK manual): the blend
   * of `examples`, chosen again there, and how much the page counts as a whole (see rank.ts):
   * `pageExamples` for its examples pooled, `pageWords` for its words. RANKING=1 npm run
   * tune:manual, across the whole manual's example writers.
   */
  pages: {
    weight: 3,
    nearest: 1,
    pageExamples: 2,
    pageWords: 2,
    /**
     * The decision's model (see confidence.ts): weights fitted by npm run tune:manual. It answers
     * at `answer` or above (the lowest threshold that keeps wrong answers across writers at or
     * under 5%); between `offer` and `answer` it offers the best pages' sections (as low as keeps
     * offers to unanswerable questions across writers at or under a quarter).
     */
    confidence: {
      bias: 1.402,
      weights: { score: 2.464, example: 1.576, words: -1.807, nearNotAnswered: -4.849, notAnswered: -1.409, margin: 8.077, logRatio: -0.4532, unexplained: -5.57, mostUnexplained: 0.04052 },
      answer: 0.7,
      offer: 0.22,
      /** A section of the answered page this close to the best makes the answer the page as a whole. */
      pageRatio: 1.15,
    },
  },
};

export type Params = typeof PARAMS;
