// Which backups to keep: the newest `keepLast`, plus the newest of each of the last `dailyDays` days (today
// included), so that after a burst of edits a backup from yesterday and the day before is still there. A pure
// function over timestamps, so that it can be reasoned about and tested with fixed dates.

export interface RetentionPolicy {
  keepLast: number;
  dailyDays: number;
  /** Minutes east of UTC of the analyst's days (default: this machine's time zone at each backup's moment). */
  utcOffsetMinutes?: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 10, dailyDays: 7 };

const DAY_MS = 86_400_000;

function dayNumber(at: Date, policy: RetentionPolicy): number {
  const offset = policy.utcOffsetMinutes ?? -at.getTimezoneOffset();
  return Math.floor((at.getTime() + offset * 60_000) / DAY_MS);
}

/**
 * The indexes (into `times`) of the backups to keep at `now`. A backup dated after `now` (a clock put back) is
 * kept: it cannot be placed, and deleting it would lose the newest state.
 */
export function backupsToKeep(times: readonly Date[], now: Date, policy = DEFAULT_RETENTION): Set<number> {
  const order = times.map((t, i) => i).sort((a, b) => times[b].getTime() - times[a].getTime());
  const keep = new Set<number>(order.slice(0, policy.keepLast));
  const today = dayNumber(now, policy);
  const seenDays = new Set<number>();
  for (const i of order) {
    if (times[i].getTime() > now.getTime()) {
      keep.add(i);
      continue;
    }
    const day = dayNumber(times[i], policy);
    if (today - day >= policy.dailyDays || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(i);
  }
  return keep;
}
