import { z } from "zod";
import { apiKeyConnectInputSchema, checkApiKeyConnection, connectFields, connectWithApiKey } from "~/server/connections/api-key-connect";
import { connectionSettingsSchema, disconnect, liveConnection, updateConnectionSettings } from "~/server/connections/manage";
import { listPosLocations, testPosConnection } from "~/server/connections/pos-actions";
import { connectionView } from "~/server/connections/view";
import { listProviders } from "~/server/integrations/registry";
import { providerRuntime } from "~/server/integrations/runtime";
import { createTRPCRouter, orgProcedure, restaurantProcedure } from "../trpc";
import { requireRole } from "../require-role";
import { revealWebhookSecret, rotateRestaurantWebhookSecret, webhookSettings } from "~/server/webhooks/manage";

export const integrationsRouter = createTRPCRouter({
  /** The provider catalog: what can be connected, and whether it points at a local sandbox. */
  providers: orgProcedure.query(() =>
    listProviders().map(({ metadata: m, oauth }) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      regions: m.regions,
      authMode: m.auth.mode,
      capabilities: m.capabilities,
      statusMode: m.statusMode,
      connectsWithOAuth: !!oauth,
      /** API-key providers: the fields of their connect form (never any value). */
      connectFields: connectFields(m),
      sandbox: providerRuntime(m.id).sandbox,
    })),
  ),
  get: restaurantProcedure.query(async ({ ctx }) => {
    const conn = await liveConnection(ctx.db, ctx.restaurant.id);
    return conn ? connectionView(conn) : null;
  }),
  locations: restaurantProcedure.query(({ ctx }) => listPosLocations(ctx.db, ctx.restaurant.id)),
  test: restaurantProcedure.mutation(({ ctx }) => testPosConnection(ctx.db, ctx.restaurant.id)),
  update: restaurantProcedure.input(connectionSettingsSchema).mutation(async ({ ctx, input }) => {
    requireRole(ctx.org.role, "manager");
    const { restaurantId: _r, ...patch } = input;
    return connectionView(await updateConnectionSettings(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id, patch));
  }),
  /** The per-restaurant webhook URL, and whether a secret exists (the secret itself is never re-shown). */
  webhook: restaurantProcedure.query(({ ctx }) => webhookSettings(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id)),
  /** The secret generated at connect time, shown once (manager+). */
  revealWebhookSecret: restaurantProcedure.mutation(async ({ ctx }) => {
    requireRole(ctx.org.role, "manager");
    return revealWebhookSecret(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id);
  }),
  /** New webhook secret, returned once; the old one verifies for the grace window. */
  rotateWebhookSecret: restaurantProcedure.mutation(async ({ ctx }) => {
    requireRole(ctx.org.role, "manager");
    return rotateRestaurantWebhookSecret(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id);
  }),
  /** Connect an API-key provider (PetPooja, TouchBistro) with the credentials it issued; returns the view, never the secrets. */
  connectApiKey: restaurantProcedure.input(apiKeyConnectInputSchema).mutation(async ({ ctx, input }) => {
    requireRole(ctx.org.role, "manager");
    const actor = { organizationId: ctx.org.id, userId: ctx.userId };
    return connectionView(await connectWithApiKey(ctx.db, actor, { restaurantId: ctx.restaurant.id, provider: input.provider, fields: input.fields }));
  }),
  /** "Test connection" before saving: the adapter's health check with the unsaved values. */
  checkApiKey: restaurantProcedure.input(apiKeyConnectInputSchema).mutation(({ ctx, input }) => {
    requireRole(ctx.org.role, "manager");
    return checkApiKeyConnection(ctx.db, { provider: input.provider, fields: input.fields });
  }),
  disconnect: restaurantProcedure.input(z.object({ provider: z.string().optional() })).mutation(async ({ ctx, input }) => {
    requireRole(ctx.org.role, "manager");
    return connectionView(await disconnect(ctx.db, { organizationId: ctx.org.id, userId: ctx.userId }, ctx.restaurant.id, input.provider));
  }),
});
