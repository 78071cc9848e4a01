import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createContextFromRequest } from "~/server/api/context";
import { createCaller } from "~/server/api/root";

/**
 * The tRPC caller for server components: same procedures, same ladder, no HTTP hop.
 * `const api = await serverApi(); await api.restaurants.list()`.
 */
export const serverApi = cache(async () => createCaller(await createContextFromRequest(await headers())));
