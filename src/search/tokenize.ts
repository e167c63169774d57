import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** A word of text: as written (lowercased) and as the index compares it (stemmed). */
export interface Token {
  word: string;
  stem: string;
}

// Words that carry no topic in a question put to a bot, on top of the usual English stop words
// (which already include how/what/who/where/why). Kept short and generic on purpose: words like
// "team", "work" or "access" are content here, and inverse document frequency weighs them down
// where they are common.
const CONVERSATION = [
  'hi', 'hey', 'hello', 'thanks', 'thank', 'please', 'pls', 'cheers', 'techlead', 'bot',
  'can', 'could', 'would', 'should', 'shall', 'will', 'must', 'might', 'may', 'need', 'needs', 'want', 'wants',
  'do', 'does', 'did', 'doing', 'done', 'get', 'gets', 'got', 'getting', 'go', 'going', 'know', 'tell', 'me',
  'anyone', 'anybody', 'someone', 'somebody', 'something', 'anything', 'thing', 'things', 'stuff',
  'i', 'im', 'ive', 'id', 'we', 'us', 'our', 'you', 'your', 'my', 'they', 'them', 'their', 'it', 'its',
  'whats', 'hows', 'whos', 'wheres', 'whens', 'whys', 'which', 'when', 'there', 'theres', 'is', 'are', 'am',
  'be', 'been', 'being', 'was', 'were', 'has', 'have', 'had', 'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'with',
  'about', 'any', 'some', 'way', 'ways', 'best', 'really', 'just', 'also', 'etc', 'eg', 'ie', 'one', 'ones',
  'supposed', 'expected', 'meant', 'ok', 'okay', 'yes', 'no', 'not', 'dont', 'doesnt', 'isnt', 'cant', 'wont',
  // When something happens is context, not topic: "a dev is leaving next week" is about leavers.
  // Synonym phrases still see these words ("first day" -> onboarding, "last day" -> leavers).
  'next', 'soon', 'today', 'tomorrow', 'yesterday', 'tonight', 'later', 'currently', 'recently', 'ago',
  // Days of the week stay: "deploying on a Friday" is a topic of its own in the GOV.UK manual.
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'weekend', 'morning', 'afternoon', 'evening',
  'else', 'like', 'still', 'actually', 'exactly', 'again', 'now', 'then', 'here', 'there', 'whom', 'whose',
];

const STOP_WORDS = new Set([...eng, ...CONVERSATION]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** A word that says what text is about: not a stop word, and longer than one letter. */
export function isContentWord(word: string): boolean {
  return !STOP_WORDS.has(word) && word.length > 1;
}

/** Lowercase, with typographic apostrophes and quotes made plain and `gov.uk` kept as one word. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/([a-z0-9])\.([a-z0-9])/g, '$1$2');
}

/**
 * Splits text into words, dropping possessives and apostrophes ("leaver's" -> "leaver",
 * "don't" -> "dont"). A hyphenated word also yields its parts joined ("on-board" -> "onboard"),
 * so either spelling matches.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalise(text).split(/[^a-z0-9'-]+/)) {
    const word = raw.replace(/'s$/, '').replace(/'/g, '').replace(/^-+|-+$/g, '');
    if (!word) continue;
    if (word.includes('-')) {
      const parts = word.split('-').filter(Boolean);
      out.push(...parts);
      if (parts.length > 1) out.push(parts.join(''));
    } else {
      out.push(word);
    }
  }
  return out;
}

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Content words of text, stop words dropped, each with its stem. */
export function tokenize(text: string): Token[] {
  return words(text)
    .filter(isContentWord)
    .map((word) => ({ word, stem: stem(word) }));
}
