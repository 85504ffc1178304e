import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { AdaptiveCard } from '../../../adapters/teams/render-adaptive-card.js';
import { TEAMS_LIMITS } from '../../../adapters/teams/teams-limits.js';

/** The parts of the `adaptivecards` package (3.0.6) the checks use: it parses and validates without a DOM. */
interface AdaptiveCardsLib {
  AdaptiveCard: new () => {
    hostConfig: unknown;
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { event: number; message: string }[] };
    toJSON(): unknown;
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { event: number; message: string } };
  ValidationEvent: Record<string, number>;
  HostConfig: new (config: unknown) => unknown;
}

export const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLib;

/** Teams' host config as far as validation reads it: 6 actions in a row (the Adaptive Cards designer's Teams host has maxActions 6; the default is 5). */
const TEAMS_HOST_CONFIG = { supportsInteractivity: true, actions: { maxActions: TEAMS_LIMITS.actionsMax } };

type Json = Record<string, unknown>;

/** Every object in a JSON tree, depth first, with the objects inside fallbacks when `fallbacks` is true. */
export function nodesOf(root: unknown, fallbacks = true): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown, key: string) => {
    if (key === 'fallback' && !fallbacks) return;
    if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') {
      found.push(node as Json);
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  walk(root, '');
  return found;
}

/** The objects of one `type` in a card, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ofType = (root: unknown, type: string, fallbacks = true): Record<string, any>[] => nodesOf(root, fallbacks).filter((n) => n.type === type);

export const cardBytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

interface TableJson {
  rows: { cells: { items: { text: string }[] }[] }[];
}
interface ChartJson {
  data: { legend: string; values: { x: string; y: number }[] }[];
  fallback: { type: string; items: (Json | TableJson)[] };
}

/** The texts of a Table, row by row (the header row first). */
export function tableTexts(table: unknown): string[][] {
  return (table as TableJson).rows.map((r) => r.cells.map((c) => c.items.map((i) => i.text).join(' ')));
}

/**
 * What every card sent to Teams must satisfy: version 1.5; the adaptivecards parser finds
 * nothing wrong but the Chart.Line host extension (one "unknown element" per chart, replaced
 * by its fallback); under 28 KB; every Action.Execute has an `fta:` verb and an Action.Submit
 * fallback with the same title and data; every chart's fallback table holds its numbers.
 */
export function expectValidTeamsCard(json: AdaptiveCard): void {
  expect(json.type).toBe('AdaptiveCard');
  expect(json.version).toBe('1.5');
  expect(json.version).toBe(TEAMS_LIMITS.adaptiveCardVersion);
  expect(cardBytes(json)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
  expect(json.fallbackText.trim()).not.toBe('');

  const charts = ofType(json, 'Chart.Line') as unknown as ChartJson[];
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  expect(parseEvents).toEqual(
    charts.map(() => ({ source: undefined, phase: 0, event: AC.ValidationEvent.UnknownElementType, message: 'Unknown element type "Chart.Line". Fallback will be used if present.' })),
  );
  expect(card.validateProperties().validationEvents).toEqual([]);
  // The parser put each chart's fallback in its place: its tables are all there, no chart left.
  const parsed = card.toJSON();
  expect(ofType(parsed, 'Chart.Line')).toHaveLength(0);
  expect(ofType(parsed, 'Table')).toHaveLength(ofType(json, 'Table').length);

  for (const action of ofType(json, 'Action.Execute')) {
    const data = action.data as { fta: string; payload?: string };
    expect(action.verb).toBe(`fta:${data.fta}`);
    expect(action.fallback).toMatchObject({ type: 'Action.Submit', title: action.title, data });
    expect(String(action.title).length).toBeLessThanOrEqual(TEAMS_LIMITS.actionTitleMax);
  }
  expect(ofType(json, 'Action.Submit')).toHaveLength(ofType(json, 'Action.Execute').length);

  for (const chart of charts) {
    const table = chart.fallback.items.find((i) => (i as Json).type === 'Table');
    expect(chart.fallback.type).toBe('Container');
    const rows = tableTexts(table).slice(1);
    for (const [s, series] of chart.data.entries()) {
      expect(series.values.length).toBeLessThanOrEqual(TEAMS_LIMITS.chartPointsMax);
      expect(series.values.map((p) => p.x)).toEqual(rows.map((r) => r[0]));
      expect(series.values.map((p) => p.y)).toEqual(rows.map((r) => Number(r[s + 1]!.replace(/,/g, ''))));
    }
  }
}
