/** Text helpers for Teams: the core's cutting, keeping a markdown link whole. */
import { cutText as cutCoreText, cutValue, oneLine } from '../../src/index.js';

export { cutValue, oneLine };

/** A markdown link the cut would break (`[label](https://…` with no closing parenthesis) is left out whole. */
const dropBrokenLink = (head: string) => head.replace(/\[[^\]\n]*(\]\([^)\s]*)?$/, '');

/** A text cut to `max` characters, ending with "…" when it was cut, never inside a link. */
export function cutText(text: string, max: number): string {
  return cutCoreText(text, max, dropBrokenLink);
}
