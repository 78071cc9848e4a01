import { Cable, RefreshCcw, ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { Logo } from "~/components/shell/logo";

const POINTS = [
  { icon: Cable, text: "Connect Square, Toast, Clover and more in a few clicks." },
  { icon: RefreshCcw, text: "Every marketplace order lands in your POS, retried until it does — never twice." },
  { icon: ShieldCheck, text: "Status, menus and stock flow back automatically." },
];

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid min-h-dvh lg:grid-cols-2">
      <aside className="hidden flex-col justify-between bg-brand-900 p-10 text-white lg:flex">
        <Logo className="text-white [&_rect]:fill-white/15" />
        <div className="max-w-md space-y-6">
          <h2 className="text-3xl font-semibold leading-tight">Every restaurant POS, connected to the marketplace.</h2>
          <ul className="space-y-4">
            {POINTS.map(({ icon: Icon, text }) => (
              <li key={text} className="flex gap-3 text-brand-100">
                <Icon className="mt-0.5 size-5 shrink-0" aria-hidden />
                <span>{text}</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="text-sm text-brand-100/70">Switchboard · restaurant integration hub</p>
      </aside>
      <main className="flex items-center justify-center px-4 py-12 sm:px-8">
        <div className="w-full max-w-sm">
          <Logo className="mb-8 lg:hidden" />
          {children}
        </div>
      </main>
    </div>
  );
}
