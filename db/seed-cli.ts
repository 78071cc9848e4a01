/** `npm run db:seed`: load demo data into an empty database (refused in production). */
import { env } from "~/env";
import { getDbHandle, migrateConfiguredDb } from "./index";
import { seedDemoData } from "./seed";

if (env.NODE_ENV === "production") {
  console.error("Refusing to seed demo data with NODE_ENV=production.");
  process.exit(1);
}
await migrateConfiguredDb();
const handle = await getDbHandle();
const { seeded } = await seedDemoData(handle.db);
await handle.close();
console.log(seeded ? "demo data seeded" : "database already has users; nothing seeded");
