import { StatusPage } from "~/components/shell/status-page";

export default function NotFound() {
  return <StatusPage code="404" title="Page not found" description="The page you were looking for doesn't exist or has moved." />;
}
