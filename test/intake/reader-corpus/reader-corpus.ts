import { MUST_NOT_MISREAD } from './must-not-misread.js';
import { QUOTED_SENTENCES } from './quoted-sentences.js';
import type { CorpusEntry } from './score-reader.js';
import { SHORT_SENTENCES } from './short-sentences.js';
import { WHOLE_MESSAGES } from './whole-messages.js';

/** Every sentence with what it says: the test and `npm run bench` score the reader on these. */
export const READER_CORPUS: readonly CorpusEntry[] = [...QUOTED_SENTENCES, ...SHORT_SENTENCES, ...WHOLE_MESSAGES];

export { MUST_NOT_MISREAD, QUOTED_SENTENCES };
