"use client";

import { AdminError } from "~/components/admin/admin-error";

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <AdminError what="the restaurants" error={error} reset={reset} />;
}
