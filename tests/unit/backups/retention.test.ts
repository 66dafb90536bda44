import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../electron/core/backups/retention';

const UTC = { keepLast: 10, dailyDays: 7, utcOffsetMinutes: 0 };
const at = (iso: string): Date => new Date(iso);
const kept = (times: Date[], now: Date, policy = UTC): string[] =>
  [...backupsToKeep(times, now, policy)].map((i) => times[i].toISOString()).sort();

describe('backup retention: the last 10 plus one a day for a week', () => {
  const now = at('2026-12-10T12:00:00.000Z');

  it('keeps everything while there are 10 or fewer', () => {
    const times = Array.from({ length: 10 }, (_, i) => at(`2026-11-0${(i % 9) + 1}T00:00:00.000Z`));
    expect(backupsToKeep(times, now, UTC).size).toBe(10);
  });

  it('keeps the newest 10 of a burst and drops the older ones of the same day', () => {
    // 15 backups five minutes apart today: the 10 newest stay, the 5 oldest go (today already has its daily one).
    const times = Array.from({ length: 15 }, (_, i) => new Date(now.getTime() - i * 5 * 60_000));
    expect(kept(times, now)).toEqual(
      times
        .slice(0, 10)
        .map((t) => t.toISOString())
        .sort(),
    );
  });

  it('keeps the newest backup of each of the last 7 days beside the last 10', () => {
    const burst = Array.from({ length: 12 }, (_, i) => new Date(now.getTime() - i * 60_000));
    const days = [
      '2026-12-09T18:00:00.000Z', // yesterday, newest of the day: kept
      '2026-12-09T08:00:00.000Z', // yesterday, older: dropped
      '2026-12-05T10:00:00.000Z', // five days ago: kept
      '2026-12-04T23:59:59.000Z', // six days ago (today is day 0): kept
      '2026-12-03T23:59:59.000Z', // seven days ago: outside the week, dropped
      '2026-11-01T00:00:00.000Z', // long ago: dropped
    ].map(at);
    const times = [...days, ...burst];
    expect(kept(times, now)).toEqual(
      [
        ...burst.slice(0, 10).map((t) => t.toISOString()),
        '2026-12-09T18:00:00.000Z',
        '2026-12-05T10:00:00.000Z',
        '2026-12-04T23:59:59.000Z',
      ].sort(),
    );
  });

  it('counts days in the analyst time zone', () => {
    // 23:30 UTC on the 9th is the 10th in UTC+1: then it is today's, not yesterday's, and today already has one.
    const times = [
      ...Array.from({ length: 10 }, (_, i) => new Date(now.getTime() - i * 60_000)),
      at('2026-12-09T23:30:00.000Z'),
    ];
    expect(kept(times, now, UTC)).toContain('2026-12-09T23:30:00.000Z');
    expect(kept(times, now, { ...UTC, utcOffsetMinutes: 60 })).not.toContain('2026-12-09T23:30:00.000Z');
  });

  it('keeps a backup dated after now (a clock put back) rather than guess', () => {
    const future = at('2026-12-20T00:00:00.000Z');
    const times = [future, ...Array.from({ length: 12 }, (_, i) => new Date(now.getTime() - i * 60_000))];
    const keep = backupsToKeep(times, now, { ...UTC, keepLast: 3 });
    expect(keep.has(0)).toBe(true);
    expect(keep.size).toBe(3); // the future one and the 2 newest beside it (today's newest among them)
  });

  it('keeps nothing of an empty list', () => {
    expect(backupsToKeep([], now, UTC).size).toBe(0);
  });
});
