import {
  Building2,
  Cable,
  LayoutDashboard,
  Plug,
  ReceiptText,
  ScrollText,
  TriangleAlert,
  Settings,
  UtensilsCrossed,
  Webhook,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon; exact?: boolean };

export const SELLER_NAV: NavItem[] = [
  { href: "/overview", label: "Overview", icon: LayoutDashboard },
  { href: "/integrations", label: "Integrations", icon: Cable },
  { href: "/orders", label: "Orders", icon: ReceiptText },
  { href: "/menu", label: "Menu", icon: UtensilsCrossed },
  { href: "/settings", label: "Settings", icon: Settings },
];

export const ADMIN_NAV: NavItem[] = [
  { href: "/admin", label: "Overview", icon: LayoutDashboard, exact: true },
  { href: "/admin/restaurants", label: "Restaurants", icon: Building2 },
  { href: "/admin/failures", label: "Failures", icon: TriangleAlert },
  { href: "/admin/providers", label: "Providers", icon: Plug },
  { href: "/admin/webhooks", label: "Webhooks", icon: Webhook },
  { href: "/admin/audit", label: "Audit", icon: ScrollText },
];
