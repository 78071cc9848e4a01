import { eventSchema, type AppEvent } from "~/inngest/events";
import { inngest } from "~/inngest/client";
import { logger } from "~/server/logger";
import { jobsDriver, readyJobsDriver } from "./driver";

export type DispatchOptions = {
  /**
   * Inngest only: wait up to this long for more events to send in the same request.
   * Default: the current event-loop turn.
   */
  batchWindowMs?: number;
};

/** Where a fire-and-forget send may be kept alive past a response (Next's `after`). */
export type KeepAlive = (work: Promise<unknown>) => void;

const validate = (event: AppEvent) => ({ name: event.name, data: eventSchema(event.name).parse(event.data) }) as AppEvent;

/**
 * Send one event to whichever driver runs jobs in this process and wait for it to be taken.
 * The payload is validated here, so a bad event fails at the caller rather than inside a
 * background run.
 */
export async function dispatch(event: AppEvent, opts: DispatchOptions = {}): Promise<void> {
  const validated = validate(event);
  const driver = await jobsDriver();
  if (driver.name === "inline") return driver.inline!.dispatch(validated);
  return new Promise<void>((resolve, reject) => enqueue({ event: validated, resolve, reject }, opts.batchWindowMs ?? 0));
}

/**
 * Fire and forget, for a caller whose durable record is already written and whose safety net
 * is a sweeper (the webhook ingress): the event joins the next batch (sent at the latest
 * `windowMs` later) and nothing per call outlives the call but the event itself. A failed send
 * is logged once per batch. `keepAlive` is asked to cover the batch's send once per batch (on
 * Vercel the function stays up until it is done), not once per call.
 */
export function dispatchSoon(event: AppEvent, opts: { windowMs: number; keepAlive?: KeepAlive }): void {
  const validated = validate(event);
  const driver = readyJobsDriver();
  if (!driver) {
    // The first call of this process: the driver is still being chosen.
    const work = dispatch(validated, { batchWindowMs: opts.windowMs }).catch((error: unknown) => logger.error("jobs.dispatch_failed", { events: [validated.name], error }));
    opts.keepAlive?.(work);
    return;
  }
  if (driver.name === "inline") return driver.inline!.dispatch(validated);
  enqueue({ event: validated }, opts.windowMs, opts.keepAlive);
}

// ─── Inngest: one request per batch ─────────────────────────────────────────────────────

type Pending = { event: AppEvent; resolve?: () => void; reject?: (error: unknown) => void };
let pending: Pending[] = [];
/** The batch being gathered: when it goes, and whether someone keeps the process up for it. */
let open: { kind: "turn" | "window"; sent: Promise<void>; keptAlive: boolean } | null = null;
let lastSend: Promise<void> = Promise.resolve();
/** A full batch goes at once rather than waiting out its window (one request stays small). */
const MAX_BATCH = 200;

/**
 * Events dispatched together go to Inngest in one request (its event API takes an array
 * [inngest.send docs]): under a burst of webhooks one instance sends one HTTP call per turn
 * of the event loop (or per window, for callers that asked for one) instead of one per event.
 * A caller waiting on its event learns its fate: a failed send rejects every waiting caller.
 */
function enqueue(entry: Pending, windowMs: number, keepAlive?: KeepAlive) {
  pending.push(entry);
  const now = windowMs <= 0 || pending.length >= MAX_BATCH;
  if (!open || (now && open.kind === "window")) {
    // A window hurried by a full batch or a waiting caller: its timer later finds another
    // batch open and only waits for the send that took its events.
    const batch: NonNullable<typeof open> = { kind: now ? "turn" : "window", sent: lastSend, keptAlive: false };
    batch.sent = new Promise<void>((resolve) => {
      const go = () => resolve(open === batch ? flush() : lastSend);
      if (now) setImmediate(go);
      else setTimeout(go, windowMs);
    });
    open = batch;
  }
  if (keepAlive && !open.keptAlive) {
    open.keptAlive = true;
    keepAlive(open.sent);
  }
}

/** Sends what is pending; with nothing pending (its events went early), waits for the last send. */
function flush(): Promise<void> {
  const batch = pending;
  pending = [];
  open = null;
  if (batch.length === 0) return lastSend;
  lastSend = send(batch);
  return lastSend;
}

async function send(batch: Pending[]) {
  try {
    await inngest.send(batch.map((p) => p.event));
    for (const p of batch) p.resolve?.();
  } catch (error) {
    for (const p of batch) p.reject?.(error);
    const unattended = batch.filter((p) => !p.reject);
    if (unattended.length) logger.error("jobs.dispatch_failed", { events: unattended.length, names: [...new Set(unattended.map((p) => p.event.name))], error });
  }
}
