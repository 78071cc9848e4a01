import { eventSchema, type AppEvent } from "~/inngest/events";
import { inngest } from "~/inngest/client";
import { jobsDriver } from "./driver";

/**
 * Send one event to whichever driver runs jobs in this process. The payload is validated
 * here, so a bad event fails at the caller rather than inside a background run.
 */
export async function dispatch(event: AppEvent): Promise<void> {
  const parsed = eventSchema(event.name).parse(event.data);
  const driver = await jobsDriver();
  const validated = { name: event.name, data: parsed } as AppEvent;
  if (driver.name === "inngest") return sendBatched(validated);
  driver.inline!.dispatch(validated);
}

type Pending = { event: AppEvent; resolve: () => void; reject: (error: unknown) => void };
let pending: Pending[] = [];

/**
 * Events dispatched in the same turn of the event loop go to Inngest in one request (its
 * event API takes an array [inngest.send docs]): under a burst of webhooks one instance sends
 * one HTTP call per turn instead of one per event, and adds no wait of its own. Each caller
 * still awaits its event's fate: a failed send rejects every caller in that batch.
 */
function sendBatched(event: AppEvent): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    pending.push({ event, resolve, reject });
    if (pending.length === 1) setImmediate(flush);
  });
}

async function flush() {
  const batch = pending;
  pending = [];
  try {
    await inngest.send(batch.map((p) => p.event));
    for (const p of batch) p.resolve();
  } catch (error) {
    for (const p of batch) p.reject(error);
  }
}
