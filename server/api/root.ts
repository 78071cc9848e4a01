import { adminRouter } from "./routers/admin";
import { adminMonitoringRouter } from "./routers/admin-monitoring";
import { integrationsRouter } from "./routers/integrations";
import { apiKeysRouter } from "./routers/api-keys";
import { ordersRouter } from "./routers/orders";
import { organizationRouter } from "./routers/organization";
import { overviewRouter } from "./routers/overview";
import { restaurantsRouter } from "./routers/restaurants";
import { syncRouter } from "./routers/sync";
import { notificationsRouter } from "./routers/notifications";
import { mappingRouter } from "./routers/mapping";
import { menuRouter } from "./routers/menu";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  menu: menuRouter,
  admin: adminRouter,
  adminMonitoring: adminMonitoringRouter,
  integrations: integrationsRouter,
  apiKeys: apiKeysRouter,
  orders: ordersRouter,
  organization: organizationRouter,
  overview: overviewRouter,
  restaurants: restaurantsRouter,
  sync: syncRouter,
  notifications: notificationsRouter,
  mapping: mappingRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: `createCaller(ctx).restaurants.list()`. */
export const createCaller = createCallerFactory(appRouter);
