/** When the weekly digest goes out: a weekday and an hour, in UTC. */
export interface DigestSchedule {
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay counts. */
  weekday: number;
  /** 0-23, UTC. */
  hour: number;
}

/** Monday 08:00 UTC: before the working week starts in Europe, the evening before in the Americas' west. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 1, hour: 8 };

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The week a digest covers: the seven days up to its sending time. */
export interface DigestWeek {
  /** The ISO week of the sending time ("2026-W49"): one digest per subscription and key, whatever the schedule. */
  key: string;
  /** Start of the week covered (inclusive), ISO 8601. */
  from: string;
  /** The sending time, end of the week covered (exclusive), ISO 8601. */
  to: string;
}

const DAY_MS = 86_400_000;

/** "2026-W49": the ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekKey(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  // The Thursday of this week decides the year and the week number.
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = day.getUTCFullYear();
  const week = 1 + Math.floor((day.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The latest week whose digest is due at `now`: the most recent sending time at or before it,
 * and the seven days before that. A service that was down at the sending time finds the same
 * week when it comes back, so the digest it missed is sent then (once: the key is recorded).
 */
export function dueDigestWeek(now: Date, schedule: DigestSchedule): DigestWeek {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), schedule.hour);
  const back = (now.getUTCDay() - schedule.weekday + 7) % 7;
  let slot = today - back * DAY_MS;
  if (slot > now.getTime()) slot -= 7 * DAY_MS;
  const to = new Date(slot);
  return { key: isoWeekKey(to), from: new Date(slot - 7 * DAY_MS).toISOString(), to: to.toISOString() };
}
