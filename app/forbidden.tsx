import { StatusPage } from "~/components/shell/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="You don't have access to this page"
      description="This area is for platform administrators. If you think you should have access, ask your Switchboard admin."
    />
  );
}
