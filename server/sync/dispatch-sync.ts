import { dispatch } from "~/server/jobs/dispatch";

/** Hand a sync job to the jobs driver (Inngest or in-process). */
export function dispatchSync(job: { id: string; connectionId: string | null; provider: string | null }, manual = false) {
  return dispatch({
    name: "switchboard/order.sync-requested",
    data: { jobId: job.id, connectionId: job.connectionId, provider: job.provider, manual },
  });
}
