import { eventSchema, type AppEvent } from "~/inngest/events";
import { inngest } from "~/inngest/client";
import { jobsDriver } from "./driver";

export type DispatchOptions = {
  /**
   * Inngest only: wait up to this long for more events to send in the same request. For
   * callers that do not wait on the send (the webhook ingress answers first; its stored row is
   * the durable record and the sweeper its safety net). Default: the current event-loop turn.
   */
  batchWindowMs?: number;
};

/**
 * Send one event to whichever driver runs jobs in this process. The payload is validated
 * here, so a bad event fails at the caller rather than inside a background run.
 */
export async function dispatch(event: AppEvent, opts: DispatchOptions = {}): Promise<void> {
  const parsed = eventSchema(event.name).parse(event.data);
  const driver = await jobsDriver();
  const validated = { name: event.name, data: parsed } as AppEvent;
  if (driver.name === "inngest") return sendBatched(validated, opts.batchWindowMs ?? 0);
  driver.inline!.dispatch(validated);
}

type Pending = { event: AppEvent; resolve: () => void; reject: (error: unknown) => void };
let pending: Pending[] = [];
let scheduled: "turn" | "window" | null = null;
/** A full batch goes at once rather than waiting out its window (one request stays small). */
const MAX_BATCH = 200;

/**
 * Events dispatched together go to Inngest in one request (its event API takes an array
 * [inngest.send docs]): under a burst of webhooks one instance sends one HTTP call per turn
 * of the event loop (or per window, for callers that asked for one) instead of one per event.
 * Each caller still learns its event's fate: a failed send rejects every caller in the batch.
 */
function sendBatched(event: AppEvent, windowMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    pending.push({ event, resolve, reject });
    const now = windowMs <= 0 || pending.length >= MAX_BATCH;
    if (now && scheduled !== "turn") {
      // A caller waiting on its send, or a full batch: flush this turn, windowed events too.
      scheduled = "turn";
      setImmediate(flush);
    } else if (!now && scheduled === null) {
      scheduled = "window";
      setTimeout(flush, windowMs);
    }
  });
}

async function flush() {
  const batch = pending;
  pending = [];
  scheduled = null;
  if (batch.length === 0) return;
  try {
    await inngest.send(batch.map((p) => p.event));
    for (const p of batch) p.resolve();
  } catch (error) {
    for (const p of batch) p.reject(error);
  }
}
