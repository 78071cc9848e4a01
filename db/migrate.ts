/** `npm run db:migrate`: apply committed migrations to DATABASE_URL (or the embedded DB). */
import { migrateConfiguredDb, getDbHandle, dbDriver } from "./index";

await migrateConfiguredDb();
if (dbDriver() === "pglite") await (await getDbHandle()).close();
console.log(`migrations applied (${dbDriver()})`);
