// Test-wide environment: quiet logs, a fixed auth secret, never the inngest cloud.
process.env.LOG_LEVEL ??= "silent";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-000";
process.env.JOBS_DRIVER ??= "inline";
// Anything that opens "the app's" database in a test gets a private in-memory one.
process.env.PGLITE_DATA_DIR ??= "memory://";
