import type { Answers } from '../interview/answers.js';
import { minimumExamplesFor } from '../cost/cost-assumptions.js';
import { formatCount } from '../format/format-numbers.js';

/**
 * What a volume that would make fine-tuning pay still waits for: ", once you have the 100
 * labelled examples to train it on (you have 40)", or nothing when there are enough. At that
 * volume the flowchart asks for the data first, as the card's flips say; every line that names
 * the volume says so too.
 */
export function onceTrainable(a: Answers): string {
  const min = minimumExamplesFor(a);
  const have = a.labeledExamples ?? 0;
  return have < min ? `, once you have the ${formatCount(min)} labelled examples to train it on (you have ${formatCount(have)})` : '';
}
