import { redirect } from "next/navigation";
import { getDb } from "~/db";
import { auth } from "~/server/auth";
import { loadActiveMembership } from "~/server/tenancy/membership";

/** The front door routes by who you are: sellers to their overview, admins to the console. */
export default async function Home() {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in");
  const member = await loadActiveMembership(await getDb(), session.user.id);
  redirect(member ? "/overview" : session.user.isAdmin ? "/admin" : "/sign-in");
}
