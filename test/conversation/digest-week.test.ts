import { describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE, dueDigestWeek, isoWeekKey } from '../../src/index.js';

describe('the week a digest is due for', () => {
  it('is the seven days up to the latest Monday 08:00 UTC by default', () => {
    expect(dueDigestWeek(new Date('2026-11-30T09:15:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual({ key: '2026-W49', from: '2026-11-23T08:00:00.000Z', to: '2026-11-30T08:00:00.000Z' });
  });

  it('is still last week an hour before this week’s sending time, and the same week all week long', () => {
    const before = dueDigestWeek(new Date('2026-11-30T07:59:59Z'), DEFAULT_DIGEST_SCHEDULE);
    expect(before.to).toBe('2026-11-23T08:00:00.000Z');
    const sunday = dueDigestWeek(new Date('2026-12-06T23:00:00Z'), DEFAULT_DIGEST_SCHEDULE);
    expect(sunday.to).toBe('2026-11-30T08:00:00.000Z');
  });

  it('follows another weekday and hour', () => {
    const friday = { weekday: 5, hour: 16 };
    expect(dueDigestWeek(new Date('2026-12-04T16:00:00Z'), friday)).toMatchObject({ to: '2026-12-04T16:00:00.000Z', from: '2026-11-27T16:00:00.000Z' });
    expect(dueDigestWeek(new Date('2026-12-03T10:00:00Z'), friday).to).toBe('2026-11-27T16:00:00.000Z');
  });

  it('is keyed by ISO week, across a new year too', () => {
    expect(isoWeekKey(new Date('2026-12-28T08:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(new Date('2027-01-04T08:00:00Z'))).toBe('2027-W01');
    expect(isoWeekKey(new Date('2025-12-29T08:00:00Z'))).toBe('2026-W01');
  });
});
