import { WEEKDAY_NAMES, type DigestSchedule } from '../../src/index.js';

/** How WEEKLY_DIGEST is written, for messages. */
export const DIGEST_SETTING_HELP = 'a weekday and an hour in UTC such as "monday 08:00" or "fri 16:00", or "off"';

/**
 * WEEKLY_DIGEST: "monday 08:00", "Mon 8", "fri 16:00" (UTC, on the hour), or "off". Unset: the
 * default (Monday 08:00 UTC). Returns null for off, or the problem in words.
 */
export function parseDigestSchedule(text: string): { ok: true; schedule: DigestSchedule | null } | { ok: false; problem: string } {
  const words = text.trim().toLowerCase();
  if (words === 'off') return { ok: true, schedule: null };
  const found = /^([a-z]+)\s+(\d{1,2})(?::(\d{2}))?$/.exec(words);
  if (!found) return { ok: false, problem: `"${text}" is not ${DIGEST_SETTING_HELP}` };
  const [, day = '', hourText = '', minutes] = found;
  const weekday = WEEKDAY_NAMES.findIndex((name) => day.length >= 3 && name.toLowerCase().startsWith(day));
  if (weekday < 0) return { ok: false, problem: `"${day}" is not a weekday: write one of ${WEEKDAY_NAMES.join(', ')} (or its first three letters)` };
  const hour = Number(hourText);
  if (hour > 23) return { ok: false, problem: `${hourText} is not an hour of the day: from 0 to 23 (UTC)` };
  if (minutes !== undefined && minutes !== '00') return { ok: false, problem: `the digest goes out on the hour: write ${hourText}:00, not ${hourText}:${minutes}` };
  return { ok: true, schedule: { weekday, hour } };
}
