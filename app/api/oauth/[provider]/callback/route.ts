import { handleOAuthCallback } from "~/server/connections/oauth-http";

export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleOAuthCallback(req, (await params).provider);
}
