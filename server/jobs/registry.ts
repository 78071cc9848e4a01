import type { Db } from "~/db/client";
import type { EventData, EventName } from "~/inngest/events";
import { recordHeartbeat } from "./heartbeat";

export type JobContext = { db: Db; driver: "inngest" | "inline" };

/**
 * The work behind every event and schedule. Both drivers call exactly these functions:
 * Inngest functions wrap them with flow control, the inline driver calls them directly.
 */
export const handlers: { [N in EventName]: (data: EventData<N>, ctx: JobContext) => Promise<unknown> } = {
  "switchboard/heartbeat.requested": (_data, ctx) => recordHeartbeat(ctx.db, "heartbeat", ctx.driver),
};

export type Schedule = {
  id: string;
  /** For Inngest. */
  cron: string;
  /** The same cadence for the inline driver's timer. */
  everyMs: number;
  run: (ctx: JobContext) => Promise<unknown>;
};

export const schedules: Schedule[] = [
  {
    id: "heartbeat",
    cron: "* * * * *",
    everyMs: 60_000,
    run: (ctx) => recordHeartbeat(ctx.db, "heartbeat", ctx.driver),
  },
];

export function scheduleById(id: string): Schedule {
  const s = schedules.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown schedule ${id}`);
  return s;
}
