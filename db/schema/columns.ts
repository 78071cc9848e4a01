import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column builders. Timestamps are timezone-aware; ids are server-generated UUIDs. */
export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
