import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { orderInputSchema } from "~/server/orders/create-order";
import { intakeOrder, sendTestOrder } from "~/server/orders/intake";
import { getOrderDetail, listRestaurantOrders } from "~/server/orders/queries";
import { dispatchSync } from "~/server/sync/dispatch-sync";
import { requestManualSync } from "~/server/sync/request-sync";
import { createTRPCRouter, orgProcedure, restaurantProcedure } from "../trpc";

export const ordersRouter = createTRPCRouter({
  list: restaurantProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(25), cursor: z.date().optional() }))
    .query(({ ctx, input }) =>
      listRestaurantOrders(ctx.db, ctx.restaurant.id, { limit: input.limit, before: input.cursor }),
    ),
  detail: restaurantProcedure.input(z.object({ orderId: z.uuid() })).query(async ({ ctx, input }) => {
    const order = await getOrderDetail(ctx.db, ctx.restaurant.id, input.orderId);
    if (!order) throw new TRPCError({ code: "NOT_FOUND", message: "Order not found" });
    return order;
  }),
  /** Orders from our own UI take the same path as the marketplace's REST calls. */
  create: orgProcedure.input(orderInputSchema).mutation(async ({ ctx, input }) => {
    const { order, created } = await intakeOrder(ctx.db, ctx.org.id, input);
    return { orderId: order.id, created };
  }),
  sendTest: restaurantProcedure.mutation(async ({ ctx }) => {
    const { order } = await sendTestOrder(ctx.db, ctx.org.id, ctx.restaurant);
    return { orderId: order.id, externalId: order.externalId };
  }),
  retry: orgProcedure.input(z.object({ orderId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const job = await requestManualSync(ctx.db, ctx.org.id, input.orderId, { userId: ctx.userId });
    await dispatchSync(job, true);
    return { jobId: job.id, status: job.status };
  }),
});
