import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

export const PLATFORM_ROLES = ["admin"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export const ORG_ROLES = ["owner", "manager", "staff"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const organizations = pgTable("organizations", {
  id: id(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable("users", {
  id: id(),
  /** Always stored lower-cased; sign-in compares lower-cased input. */
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  /** Platform-wide role; null for every seller. */
  platformRole: text({ enum: PLATFORM_ROLES }),
  lastSignInAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text({ enum: ORG_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_uq").on(t.userId, t.organizationId),
    index("memberships_org_idx").on(t.organizationId),
  ],
);

/** A restaurant is one location of an organization ("business" in seed 001). */
export const restaurants = pgTable(
  "restaurants",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** ISO 4217; orders default to it. */
    currency: text().notNull().default("USD"),
    timezone: text().notNull().default("UTC"),
    address: text(),
    phone: text(),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("restaurants_org_idx").on(t.organizationId)],
);
