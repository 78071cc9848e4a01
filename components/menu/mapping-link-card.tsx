import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";

/** Where item mapping lives now (Menu → Mapping), from the Integrations page. */
export function MappingLinkCard({ providerName }: { providerName: string }) {
  return (
    <Card>
      <CardHeader
        title="Item mapping"
        description={`Your dishes are matched to ${providerName} items automatically after each menu sync. Mapped dishes reach the kitchen as ${providerName}'s own items; unmapped ones are sent by name with your price.`}
      />
      <div className="px-5 py-4">
        <Button asChild size="sm" variant="secondary">
          <Link href="/menu/mapping">Review item mapping</Link>
        </Button>
      </div>
    </Card>
  );
}
