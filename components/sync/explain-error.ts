/** A sync error class, said the way a restaurant manager would want to hear it. */
export function explainSyncError(errorClass: string | null | undefined, message: string | null | undefined, pos = "the POS") {
  switch (errorClass) {
    case "auth":
      return `${pos} no longer accepts Switchboard's access. Reconnect ${pos} in Integrations; the order will be sent then.`;
    case "validation":
      return `${pos} rejected the order${message ? `: ${message}` : ""}. Fix the cause (for example the item mapping), then retry.`;
    case "mapping_failed":
      return `Not sent: the menu on ${pos} changed${message ? ` (${message.replace(/^Menu changed on the POS: /, "").replace(/\. Update the item mapping, then retry\.$/, "")})` : ""}. Fix it in Menu → Mapping, then retry.`;
    case "rate_limited":
      return `${pos} asked us to slow down. Switchboard waits as asked and retries automatically.`;
    case "unavailable":
      return `${pos} could not be reached${message ? ` (${message})` : ""}. Switchboard retries automatically.`;
    case "internal":
      return "Something went wrong on our side. Switchboard retries automatically.";
    default:
      return message ?? null;
  }
}
