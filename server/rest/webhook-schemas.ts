/** REST schemas for webhook secrets and integration health (seed 002), snake_case on the wire. */
import { z } from "zod";

export const rotateSecretResponseSchema = z.object({
  webhook_secret: z.string().meta({ description: "The new secret. Shown only in this response: store it in the POS now." }),
  webhook_url: z.url().meta({ description: "The per-restaurant URL the POS should call" }),
  previous_secret_valid_until: z.iso
    .datetime({ offset: true })
    .nullable()
    .meta({ description: "The previous secret keeps verifying until then (WEBHOOK_SECRET_GRACE_HOURS, default 24 h)" }),
});

export const integrationHealthResponseSchema = z.object({
  status: z.enum(["healthy", "degraded", "unhealthy"]),
  pos_type: z.string().meta({ description: "Provider id, e.g. square" }),
  last_sync: z.iso.datetime({ offset: true }).nullable(),
  webhook_status: z.enum(["active", "failing", "idle"]).meta({
    description: "active: a verified webhook in the last 24 h; failing: recent processing failures; idle: none received",
  }),
  recent_errors: z.array(
    z.object({ source: z.enum(["sync", "webhook"]), message: z.string(), at: z.iso.datetime({ offset: true }) }),
  ),
});
