import { handleOAuthStart } from "~/server/connections/oauth-http";

export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  return handleOAuthStart(req, (await params).provider);
}
