import { mapRuns, unmarked } from '../../src/index.js';

/**
 * Text a person typed, safe to print in a terminal: escape sequences (colours, cursor moves,
 * OSC 8 hyperlinks, title changes) removed whole, then every other control character and the
 * direction marks that could make the line read differently from what it holds.
 */

/** CSI (`ESC [ … letter`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`) and two-character escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0 (but newline and tab), DEL, C1, bidi embeddings, overrides, isolates and marks, BOM. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '');
}

/** Card text for the terminal: a person's words (marked with `said`) made safe, the marks taken off. */
export function terminalText(text: string): string {
  return unmarked(mapRuns(text, terminalSafe));
}
