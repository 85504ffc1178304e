import { LATER_MUST_NOT_MISREAD, LATER_SENTENCES } from './later-sentences.js';
import { MUST_NOT_MISREAD as FIRST_MUST_NOT_MISREAD } from './must-not-misread.js';
import { QUOTED_SENTENCES } from './quoted-sentences.js';
import type { CorpusEntry } from './score-reader.js';
import { SHORT_SENTENCES } from './short-sentences.js';
import { WHOLE_MESSAGES } from './whole-messages.js';

/** Every sentence with what it says: the test and `npm run bench` score the reader on these. */
export const READER_CORPUS: readonly CorpusEntry[] = [...QUOTED_SENTENCES, ...SHORT_SENTENCES, ...WHOLE_MESSAGES, ...LATER_SENTENCES];

/** Sentences whose numbers are none of the answers: anything read beyond what they say is a misreading. */
export const MUST_NOT_MISREAD: readonly CorpusEntry[] = [...FIRST_MUST_NOT_MISREAD, ...LATER_MUST_NOT_MISREAD];

export { QUOTED_SENTENCES };
