import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every event the app sends, with its payload schema. The one list both job drivers use:
 * `dispatch()` validates against it, Inngest functions trigger on it.
 */
export const heartbeatRequested = eventType("switchboard/heartbeat.requested", {
  schema: z.object({ requestedBy: z.string().min(1) }),
});

/** Push (or re-push) one order's sync job to its POS. Carries ids for Inngest flow control. */
export const orderSyncRequested = eventType("switchboard/order.sync-requested", {
  schema: z.object({
    jobId: z.uuid(),
    connectionId: z.uuid().nullable(),
    provider: z.string().nullable(),
    manual: z.boolean(),
  }),
});

/** Refresh OAuth tokens that expire soon (hourly). */
export const tokensRefreshRequested = eventType("switchboard/tokens.refresh-requested", {
  schema: z.object({ requestedBy: z.string().min(1) }),
});

/** An order's status moved (POS webhook, poll or seller): tell whoever should hear about it. */
export const orderStatusChanged = eventType("switchboard/order.status-changed", {
  schema: z.object({ orderId: z.uuid(), from: z.string().nullable(), to: z.string(), changedBy: z.string() }),
});

/** A verified vendor webhook was stored: process it (idempotent; retried by the webhook sweeper). */
export const webhookReceived = eventType("switchboard/webhook.received", {
  schema: z.object({ webhookEventId: z.uuid(), provider: z.string(), connectionId: z.uuid().nullable() }),
});

/** Push one recorded availability change (86 / back on) to its POS (retried; see server/menu/availability/push.ts). */
export const menuAvailabilityPushRequested = eventType("switchboard/menu.availability-push-requested", {
  schema: z.object({ changeId: z.uuid(), connectionId: z.uuid().nullable(), provider: z.string().nullable() }),
});

/** Sync one connection's menu from its POS (initial, manual, nightly; a debounced webhook burst). `runId`: a run opened by requestMenuSync. */
export const menuSyncRequested = eventType("switchboard/menu.sync-requested", {
  schema: z.object({
    connectionId: z.uuid(),
    provider: z.string(),
    trigger: z.enum(["initial", "manual", "webhook", "nightly"]),
    runId: z.uuid().nullable(),
  }),
});

/** The POS said its menu changed (webhook): debounced per connection into one menu sync. */
export const menuChanged = eventType("switchboard/menu.changed", {
  schema: z.object({ connectionId: z.uuid(), provider: z.string(), webhookEventId: z.uuid().nullable() }),
});

export const EVENT_TYPES = [heartbeatRequested, orderSyncRequested, tokensRefreshRequested, orderStatusChanged, webhookReceived, menuSyncRequested, menuChanged, menuAvailabilityPushRequested] as const;

type AnyEventType = (typeof EVENT_TYPES)[number];
export type EventName = AnyEventType["name"];
export type EventData<N extends EventName> = z.infer<Extract<AnyEventType, { name: N }>["schema"]>;
export type AppEvent = { [N in EventName]: { name: N; data: EventData<N> } }[EventName];

export function eventSchema(name: EventName) {
  const type = EVENT_TYPES.find((e) => e.name === name);
  if (!type) throw new Error(`Unknown event ${name}`);
  return type.schema;
}
