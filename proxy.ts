import { NextResponse, type NextRequest } from "next/server";

/**
 * Hands the requested path to server layouts (as `x-pathname`) so an auth guard can send a
 * signed-out visitor to sign-in and back again. Does no auth itself: guards live in layouts.
 */
export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set("x-pathname", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|fonts/).*)"],
};
