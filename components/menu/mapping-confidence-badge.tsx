import { Badge } from "~/components/ui/badge";

const BAND = {
  high: { tone: "success", label: "High" },
  medium: { tone: "warning", label: "Medium" },
  low: { tone: "danger", label: "Low" },
} as const;

const METHOD: Record<string, string> = {
  external_id: "POS id",
  name_price: "Name + price",
  name: "Name",
  manual: "Chosen by you",
};

/** How sure the matcher was, as a band with the percentage for the curious. */
export function ConfidenceBadge({ band, confidence }: { band: keyof typeof BAND; confidence: number }) {
  const b = BAND[band];
  return (
    <Badge tone={b.tone} title={`${Math.round(confidence * 100)}% confidence`}>
      {b.label} · {Math.round(confidence * 100)}%
    </Badge>
  );
}

export const methodLabel = (method: string) => METHOD[method] ?? method;
