/** @type {import("next").NextConfig} */
const config = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time,
  // and `pg` has optional native bindings; neither survives bundling.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "ws"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 for a seller on an admin URL.
  experimental: { authInterrupts: true },
};

export default config;
