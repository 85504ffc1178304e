import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, COLOUR_WORDS, MIN_SERIES_DELTA_E, SERIES_COLOURS } from '../../../adapters/teams/chart-palette.js';
import { renderAdaptiveCard } from '../../../adapters/teams/render-adaptive-card.js';
import { TEAMS_LIMITS } from '../../../adapters/teams/teams-limits.js';
import { adviseFromAnswers, buildAssumptionsCard, buildVerdictCard, type Answers } from '../../../src/index.js';
import { AS_OF, CATALOGUE, contextFor, OPENAI_OPEN } from '../../helpers/catalogue.js';
import { edgeCasesCheaperToRoute, plateauedPrompt, stuckPrompt, ticketTriage } from '../../helpers/answers.js';
import { ofType } from './expect-valid-teams-card.js';

/**
 * A verdict read on a phone: Teams gives a card about TEAMS_LIMITS.phoneLineChars characters a
 * line and shares them among a table's columns by weight. A sum or a model name wider than its
 * column is broken mid-word ("$0.0046 / 3"), and a hyphenated name wraps after its hyphens
 * ("gemini- / 2.5- / flash"). These tests hold every card of a sweep to both.
 */

const MODELS = ['gemini-2.5-flash', 'gpt-4.1-mini', 'claude-sonnet-4.5', 'llama-3.1-8b', 'nova-pro', 'gpt-4o-mini'].filter((id) => CATALOGUE.models.some((m) => m.id === id));
const VOLUMES = [400, 90_000, 1_500_000, 40_000_000, 900_000_000];

function sweep(): { name: string; answers: Answers; asOf: string }[] {
  const bases: [string, Answers][] = [
    ['ticket triage', ticketTriage],
    ['stuck prompt', stuckPrompt()],
    ['plateaued prompt', plateauedPrompt()],
    ['edge cases cheaper to route', edgeCasesCheaperToRoute()],
  ];
  // The one case where 'Both' pays: a tuned model dearer per call than a short prompt, in OpenAI's open months.
  const hybrid = [400_000, 1_000_000, 30_000_000].map((monthlyCalls) => ({
    name: `edge cases, ${monthlyCalls} calls`,
    answers: edgeCasesCheaperToRoute({ testedExamples: 100, failuresIdentifiable: true, monthlyCalls }),
    asOf: OPENAI_OPEN,
  }));
  return [
    ...hybrid,
    ...bases.flatMap(([name, base]) =>
      MODELS.flatMap((model) =>
        VOLUMES.flatMap((monthlyCalls) =>
          [AS_OF, OPENAI_OPEN].map((asOf) => ({ name: `${name}, ${model}, ${monthlyCalls} calls, ${asOf}`, answers: { ...base, model, monthlyCalls, horizonMonths: 60 }, asOf })),
        ),
      ),
    ),
  ];
}

const cards = sweep().flatMap(({ name, answers, asOf }) => {
  const advice = adviseFromAnswers(answers, contextFor(asOf));
  if (!advice.ok) return [];
  return [
    { name: `${name}: verdict`, json: renderAdaptiveCard(buildVerdictCard(advice.verdict, { askedBy: 'Alice' })) },
    { name: `${name}: assumptions`, json: renderAdaptiveCard(buildAssumptionsCard(advice.verdict)) },
  ];
});

/** Words a line cannot break inside: split at spaces only (a non-breaking hyphen holds). */
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));

describe('verdict cards at phone width', () => {
  it('covers verdicts with every cost path', () => {
    expect(cards.length).toBeGreaterThan(200);
    const legends = new Set(cards.flatMap((c) => ofType(c.json, 'Chart.Line').flatMap((ch) => ch.data.map((d: { legend: string }) => d.legend))));
    expect([...legends].sort()).toEqual(['Both', 'Fine-tune', 'Prompt', 'Switched']);
  });

  it('gives every table cell a column wide enough for its longest word: no sum or model name is broken inside', () => {
    const broken: string[] = [];
    for (const { name, json } of cards) {
      for (const table of ofType(json, 'Table', false)) {
        const weights = (table.columns as { width: number }[]).map((c) => c.width);
        const total = weights.reduce((a, b) => a + b, 0);
        // A cell loses about a character to its padding on each side.
        const room = weights.map((w) => Math.floor((TEAMS_LIMITS.phoneLineChars * w) / total) - 2);
        for (const row of table.rows as { cells: { items: { text: string }[] }[] }[])
          row.cells.forEach((cell, i) => {
            const text = cell.items[0]!.text;
            if (longestWord(text) > room[i]!) broken.push(`${name}: "${text}" in a column of ${room[i]} characters`);
          });
      }
    }
    expect(broken.slice(0, 5)).toEqual([]);
  });

  it('holds every hyphenated model name and date together in every text a person reads', () => {
    const breakable = MODELS.filter((id) => id.includes('-'));
    const split: string[] = [];
    for (const { name, json } of cards) {
      const shown = JSON.stringify(json.body);
      for (const id of breakable) if (shown.includes(id)) split.push(`${name}: ${id}`);
      if (/\d{4}-\d{2}-\d{2}/.test(shown)) split.push(`${name}: a date`);
    }
    expect(split.slice(0, 5)).toEqual([]);
  });

  it('labels both axes, the money one with its currency, and keeps each month label short enough to read', () => {
    for (const { name, json } of cards)
      for (const chart of ofType(json, 'Chart.Line', false)) {
        expect(chart.xAxisTitle, name).toBe('Month');
        expect(chart.yAxisTitle, name).toContain('US$');
        for (const series of chart.data) {
          expect(series.values.length, name).toBeLessThanOrEqual(TEAMS_LIMITS.chartPointsMax);
          for (const point of series.values) expect(point.x.length, `${name}: "${point.x}"`).toBeLessThanOrEqual(3);
        }
      }
  });

  it('draws each path in its own colour, the same on every card', () => {
    for (const { name, json } of cards)
      for (const chart of ofType(json, 'Chart.Line', false)) {
        const colours = chart.data.map((d: { color: string }) => d.color);
        expect(new Set(colours).size, name).toBe(colours.length);
        const byLegend = Object.fromEntries(chart.data.map((d: { legend: string; color: string }) => [d.legend, d.color]));
        if (byLegend['Fine-tune']) expect(byLegend['Fine-tune']).toBe(SERIES_COLOURS['fine-tune']);
        if (byLegend.Both) expect(byLegend.Both).toBe(SERIES_COLOURS.both);
      }
  });
});

/* Colour vision, simulated: Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB; CIE76 ΔE in CIELAB (D65). */
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const linear = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
const simulate = (m: number[][], v: number[]) => m.map((r) => Math.min(1, Math.max(0, r[0]! * v[0]! + r[1]! * v[1]! + r[2]! * v[2]!)));
function lab([r, g, b]: number[]): number[] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r! * 0.4124 + g! * 0.3576 + b! * 0.1805) / 0.95047);
  const y = f(r! * 0.2126 + g! * 0.7152 + b! * 0.0722);
  const z = f((r! * 0.0193 + g! * 0.1192 + b! * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const luminance = (hex: string) => {
  const [r, g, b] = linear(hex);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('the chart palette', () => {
  const used = Object.values(SERIES_COLOURS).map((name) => [name, CHART_COLOURS[name]] as const);

  it.each(Object.keys(CVD))(`keeps any two paths at least ΔE ${MIN_SERIES_DELTA_E} apart with %s`, (vision) => {
    for (const [a, hexA] of used)
      for (const [b, hexB] of used) {
        if (a >= b) continue;
        const [la, lb] = [lab(simulate(CVD[vision]!, linear(hexA))), lab(simulate(CVD[vision]!, linear(hexB)))];
        const delta = Math.hypot(la[0]! - lb[0]!, la[1]! - lb[1]!, la[2]! - lb[2]!);
        expect(delta, `${a} against ${b}`).toBeGreaterThanOrEqual(MIN_SERIES_DELTA_E);
      }
  });

  it('draws every path at least 3:1 against the white card', () => {
    for (const [name, hex] of used) expect(1.05 / (luminance(hex) + 0.05), name).toBeGreaterThanOrEqual(3);
  });
});

describe('which line is which', () => {
  it('says under every chart which colour each path is drawn in, in words', () => {
    for (const { name, json } of cards.slice(0, 40))
      for (const chart of ofType(json, 'Chart.Line', false)) {
        const body = json.body as Record<string, any>[];
        const key = body[body.indexOf(chart) + 1];
        expect(key?.type, name).toBe('TextBlock');
        for (const series of chart.data) expect(key!.text, name).toContain(`${series.legend}: ${COLOUR_WORDS[series.color as keyof typeof COLOUR_WORDS]}`);
      }
  });
});
