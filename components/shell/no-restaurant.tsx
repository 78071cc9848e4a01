import { Store } from "lucide-react";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

export function NoRestaurant() {
  return (
    <EmptyState
      icon={Store}
      title="Add your first restaurant"
      description="Orders, integrations and menus all belong to a restaurant. Add one to get started."
      action={<Button asChild><Link href="/settings">Add a restaurant</Link></Button>}
    />
  );
}
