import { relations } from "drizzle-orm";
import { connections } from "./connections";
import { itemVariations, menuCategories, menuItemModifierGroups, menuItems, modifierGroups, modifiers } from "./menu";
import { orderItems, orderStatusHistory, orders } from "./orders";
import { syncAttempts, syncJobs } from "./sync";
import { memberships, organizations, restaurants, users } from "./tenancy";

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
  restaurants: many(restaurants),
}));

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
}));

export const restaurantsRelations = relations(restaurants, ({ one, many }) => ({
  organization: one(organizations, { fields: [restaurants.organizationId], references: [organizations.id] }),
  connections: many(connections),
  orders: many(orders),
}));

export const connectionsRelations = relations(connections, ({ one }) => ({
  restaurant: one(restaurants, { fields: [connections.restaurantId], references: [restaurants.id] }),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  restaurant: one(restaurants, { fields: [orders.restaurantId], references: [restaurants.id] }),
  items: many(orderItems),
  statusHistory: many(orderStatusHistory),
  syncJobs: many(syncJobs),
}));

export const orderItemsRelations = relations(orderItems, ({ one }) => ({
  order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
}));

export const orderStatusHistoryRelations = relations(orderStatusHistory, ({ one }) => ({
  order: one(orders, { fields: [orderStatusHistory.orderId], references: [orders.id] }),
}));

export const syncJobsRelations = relations(syncJobs, ({ one, many }) => ({
  order: one(orders, { fields: [syncJobs.orderId], references: [orders.id] }),
  attempts: many(syncAttempts),
}));

export const syncAttemptsRelations = relations(syncAttempts, ({ one }) => ({
  job: one(syncJobs, { fields: [syncAttempts.jobId], references: [syncJobs.id] }),
}));

export const menuCategoriesRelations = relations(menuCategories, ({ many }) => ({ items: many(menuItems) }));

export const menuItemsRelations = relations(menuItems, ({ one, many }) => ({
  category: one(menuCategories, { fields: [menuItems.categoryId], references: [menuCategories.id] }),
  variations: many(itemVariations),
  modifierGroups: many(menuItemModifierGroups),
}));

export const itemVariationsRelations = relations(itemVariations, ({ one }) => ({
  item: one(menuItems, { fields: [itemVariations.itemId], references: [menuItems.id] }),
}));

export const modifierGroupsRelations = relations(modifierGroups, ({ many }) => ({
  modifiers: many(modifiers),
  items: many(menuItemModifierGroups),
}));

export const modifiersRelations = relations(modifiers, ({ one }) => ({
  group: one(modifierGroups, { fields: [modifiers.groupId], references: [modifierGroups.id] }),
}));

export const menuItemModifierGroupsRelations = relations(menuItemModifierGroups, ({ one }) => ({
  item: one(menuItems, { fields: [menuItemModifierGroups.itemId], references: [menuItems.id] }),
  group: one(modifierGroups, { fields: [menuItemModifierGroups.groupId], references: [modifierGroups.id] }),
}));
