import { buildIfStale } from '../../tools/build-if-stale.mjs';

/**
 * A few tests run the built command line and server as a person would (`node dist/...`).
 * `npx vitest run` on a fresh clone has no build yet: make one first, or a new one when a
 * source is newer than it (the check `npm start` makes too).
 */
export default function setup(): void {
  buildIfStale({ quiet: true });
}
