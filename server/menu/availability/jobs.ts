/**
 * The availability work as the jobs registry runs it under the in-process driver: expire
 * snoozes and re-drive failed pushes, each push handed to the jobs seam (Inngest functions do
 * the same with step.sendEvent).
 */
import type { Db } from "~/db/client";
import { expireSnoozes } from "./expire-snoozes";
import { duePushRetries } from "./push-sweeper";
import { requestPush } from "./set-availability";

export async function expireSnoozesAndPush(db: Db, now = new Date()) {
  const expired = await expireSnoozes(db, now);
  for (const c of expired) await requestPush(db, c.changeId, c.connectionId);
  return { expired: expired.length };
}

export async function redriveFailedPushes(db: Db, now = new Date()) {
  const due = await duePushRetries(db, now);
  for (const c of due) await requestPush(db, c.changeId, c.connectionId);
  return { redriven: due.length };
}

