import { adminRouter } from "./routers/admin";
import { ordersRouter } from "./routers/orders";
import { organizationRouter } from "./routers/organization";
import { overviewRouter } from "./routers/overview";
import { restaurantsRouter } from "./routers/restaurants";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  orders: ordersRouter,
  organization: organizationRouter,
  overview: overviewRouter,
  restaurants: restaurantsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: `createCaller(ctx).restaurants.list()`. */
export const createCaller = createCallerFactory(appRouter);
