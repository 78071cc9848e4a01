import { heartbeat } from "./functions/heartbeat";

/** Every function served at /api/inngest. */
export const functions = [heartbeat];
