/**
 * The colours of a verdict's cost chart in Teams. Teams draws Chart.Line series in its named chart
 * colours; by default in a sequence whose second and third are two near-identical blues (#4f52b2,
 * #5b5fc7), so "Fine-tune" and "Both" could not be told apart. Each path gets its own colour here,
 * chosen so that any two differ by at least MIN_SERIES_DELTA_E (CIE76) under normal vision and
 * simulated protanopia, deuteranopia and tritanopia, and each stands out from the white card
 * (contrast at least 3:1). The RGB values are the ones the Agents Playground 0.2.28 renders (its
 * chart colour table, read 2026-11-27); a test checks the palette against both rules.
 */
export const CHART_COLOURS = {
  divergingBlue: '#13458f',
  attention: '#d13438',
  sequential4: '#7f85f5',
  categoricalPurple: '#80215d',
  divergingGray: '#4b5356',
} as const;

export type ChartColour = keyof typeof CHART_COLOURS;

/** Each colour in words, for the line under the chart that says which line is which. */
export const COLOUR_WORDS: Record<ChartColour, string> = {
  divergingBlue: 'dark blue',
  attention: 'red',
  sequential4: 'light violet',
  categoricalPurple: 'plum',
  divergingGray: 'grey',
};

/** The colour of each path, by the series key the core gives it; other series take the rest in order. */
export const SERIES_COLOURS: Record<string, ChartColour> = {
  prompt: 'divergingBlue',
  'fine-tune': 'attention',
  both: 'sequential4',
  switched: 'categoricalPurple',
};

/** The least colour difference (CIE76 ΔE) between any two series, for every kind of colour vision simulated. */
export const MIN_SERIES_DELTA_E = 20;

/** Colours for a chart's series: each known path its own, the others what is left, never one colour twice. */
export function seriesColours(keys: string[]): ChartColour[] {
  const left = (Object.keys(CHART_COLOURS) as ChartColour[]).filter((c) => !keys.some((k) => SERIES_COLOURS[k] === c));
  return keys.map((k) => SERIES_COLOURS[k] ?? left.shift() ?? 'divergingGray');
}
