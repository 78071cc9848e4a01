/**
 * Snooze semantics (86): what a seller's choice means as `available` + `snoozed_until`, and what
 * a row's effective availability is at a given moment. Pure functions, no database.
 *
 * A row is unavailable while `available = false` and either `snoozed_until` is null (until turned
 * back on) or still in the future. An expired snooze reads as available even before the expiry
 * job has flipped the row, so every read is right between job runs.
 */
import { z } from "zod";
import { zonedParts } from "~/server/time/zoned-parts";

export const snoozeChoiceSchema = z.discriminatedUnion("kind", [
  /** Back on now. */
  z.object({ kind: z.literal("available") }),
  /** Off for a number of minutes (the UI offers 1 hour). */
  z.object({ kind: z.literal("for"), minutes: z.number().int().min(1).max(7 * 24 * 60) }),
  /** Off until the end of the restaurant's local day (its next local midnight). */
  z.object({ kind: z.literal("end_of_day") }),
  /** Off until a chosen moment (must be in the future). */
  z.object({ kind: z.literal("until"), until: z.coerce.date() }),
  /** Off until someone turns it back on. */
  z.object({ kind: z.literal("indefinitely") }),
]);
export type SnoozeChoice = z.infer<typeof snoozeChoiceSchema>;

export type AvailabilityState = { available: boolean; snoozedUntil: Date | null };

/** Offset of `timeZone` from UTC at `at`, in ms (positive east of Greenwich). */
export function timeZoneOffsetMs(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The next local midnight in `timeZone` after `now` (DST-safe: the offset is re-read at the answer). */
export function endOfLocalDay(now: Date, timeZone: string): Date {
  const local = new Date(now.getTime() + timeZoneOffsetMs(now, timeZone));
  const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  let guess = midnightWall - timeZoneOffsetMs(now, timeZone);
  // Across a DST change the offset at midnight differs from the offset now.
  guess = midnightWall - timeZoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

export class InvalidSnoozeError extends Error {}

/** A seller's choice → the row's new state. */
export function resolveSnooze(choice: SnoozeChoice, opts: { now: Date; timeZone: string }): AvailabilityState {
  switch (choice.kind) {
    case "available":
      return { available: true, snoozedUntil: null };
    case "indefinitely":
      return { available: false, snoozedUntil: null };
    case "for":
      return { available: false, snoozedUntil: new Date(opts.now.getTime() + choice.minutes * 60_000) };
    case "end_of_day":
      return { available: false, snoozedUntil: endOfLocalDay(opts.now, opts.timeZone) };
    case "until":
      if (choice.until.getTime() <= opts.now.getTime()) throw new InvalidSnoozeError("Pick a time in the future");
      return { available: false, snoozedUntil: choice.until };
  }
}

/** What a reader should see at `now`. */
export function effectiveAvailability(row: AvailabilityState, now: Date): AvailabilityState {
  if (row.available) return { available: true, snoozedUntil: null };
  if (row.snoozedUntil && row.snoozedUntil.getTime() <= now.getTime()) return { available: true, snoozedUntil: null };
  return { available: false, snoozedUntil: row.snoozedUntil };
}
