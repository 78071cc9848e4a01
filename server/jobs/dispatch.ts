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
  if (driver.name === "inngest") {
    await inngest.send(validated);
    return;
  }
  driver.inline!.dispatch(validated);
}
