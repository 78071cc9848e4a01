import type { Db } from "~/db/client";
import type { AppEvent } from "~/inngest/events";
import { logger } from "~/server/logger";
import { debounces, handlers, schedules, type JobContext } from "./registry";

const TICK_MS = 1_000;

/**
 * The in-process driver, used when no Inngest is reachable (the embedded default and e2e).
 * Events run right after the current request on the event loop; schedules run on a
 * one-second tick. All state lives in Postgres, so a restart loses nothing: the next tick
 * (and, from the order-sync issue on, the sweeper) picks work up again.
 */
export class InlineDriver {
  private timer: NodeJS.Timeout | null = null;
  private nextRun = new Map<string, number>();
  private running = new Set<string>();
  /** Work started and not yet finished, so stop() can let it complete. */
  private inflight = new Set<Promise<unknown>>();
  /** Debounced events waiting for their window to pass: key → timer and latest event. */
  private debounced = new Map<string, { timer: NodeJS.Timeout; event: AppEvent; firstAt: number }>();
  private readonly ctx: JobContext;

  constructor(db: Db) {
    this.ctx = { db, driver: "inline" };
  }

  /** Start the tick; resolves once every schedule has had its first run. */
  async start() {
    if (this.timer) return;
    const startedAt = Date.now();
    for (const s of schedules) this.nextRun.set(s.id, s.firstRunAfterMs ? startedAt + s.firstRunAfterMs : 0);
    this.timer = setInterval(() => void this.track(this.tick()), TICK_MS);
    this.timer.unref();
    await this.track(this.tick());
  }

  /** Stop ticking and wait for the runs already under way (graceful shutdown, tests, benches). */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // Debounced work is not dropped on a graceful stop: it runs now.
    for (const [key, pending] of this.debounced) {
      clearTimeout(pending.timer);
      this.debounced.delete(key);
      void this.track(this.run(pending.event));
    }
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
    return p;
  }

  /** Run an event's handler after the caller's response; failures are logged, never thrown. */
  dispatch(event: AppEvent): void {
    const debounce = debounces[event.name] as { key: (d: unknown) => string; periodMs: () => number; maxWaitMs: number } | undefined;
    if (!debounce) {
      // Tracked from now, not from when it starts: a stop() right after this call waits for it.
      void this.track(new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.run(event)));
      return;
    }
    // Like Inngest's debounce: every event restarts the key's window; the last one runs, at the
    // latest maxWaitMs after the first one of the burst.
    const key = `${event.name}:${debounce.key(event.data)}`;
    const pending = this.debounced.get(key);
    if (pending) clearTimeout(pending.timer);
    const firstAt = pending?.firstAt ?? Date.now();
    const delay = Math.max(0, Math.min(debounce.periodMs(), firstAt + debounce.maxWaitMs - Date.now()));
    const timer = setTimeout(() => {
      this.debounced.delete(key);
      void this.track(this.run(event));
    }, delay);
    timer.unref();
    this.debounced.set(key, { timer, event, firstAt });
  }

  /** Run an event's handler now and wait for it (tests, and `dispatch` under the hood). */
  async run(event: AppEvent) {
    const handler = handlers[event.name] as (d: unknown, c: JobContext) => Promise<unknown>;
    try {
      return await handler(event.data, this.ctx);
    } catch (error) {
      logger.error("jobs.inline.handler_failed", { event: event.name, error });
    }
  }

  async tick(now = Date.now()) {
    for (const s of schedules) {
      if ((this.nextRun.get(s.id) ?? 0) > now || this.running.has(s.id)) continue;
      this.running.add(s.id);
      this.nextRun.set(s.id, now + s.everyMs);
      try {
        await s.run(this.ctx);
      } catch (error) {
        logger.error("jobs.inline.schedule_failed", { schedule: s.id, error });
      } finally {
        this.running.delete(s.id);
      }
    }
  }
}
