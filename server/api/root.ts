import { adminRouter } from "./routers/admin";
import { integrationsRouter } from "./routers/integrations";
import { apiKeysRouter } from "./routers/api-keys";
import { ordersRouter } from "./routers/orders";
import { organizationRouter } from "./routers/organization";
import { overviewRouter } from "./routers/overview";
import { restaurantsRouter } from "./routers/restaurants";
import { syncRouter } from "./routers/sync";
import { notificationsRouter } from "./routers/notifications";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  integrations: integrationsRouter,
  apiKeys: apiKeysRouter,
  orders: ordersRouter,
  organization: organizationRouter,
  overview: overviewRouter,
  restaurants: restaurantsRouter,
  sync: syncRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: `createCaller(ctx).restaurants.list()`. */
export const createCaller = createCallerFactory(appRouter);
