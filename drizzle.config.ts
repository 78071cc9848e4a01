import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; they are applied at start
// (`db/migrate.ts`), never pushed. Generation needs no database connection.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
