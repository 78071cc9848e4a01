import { beforeEach, describe, expect, it, vi } from "vitest";

const sent = vi.hoisted(() => ({ calls: [] as unknown[][], fail: false }));
vi.mock("./driver", () => ({ jobsDriver: async () => ({ name: "inngest", inline: null }), readyJobsDriver: () => ({ name: "inngest", inline: null }) }));
vi.mock("~/inngest/client", () => ({
  inngest: {
    send: async (events: unknown[]) => {
      sent.calls.push(events);
      if (sent.fail) throw new Error("Inngest event API unreachable");
      return { ids: events.map((_, i) => String(i)) };
    },
  },
}));

beforeEach(() => {
  sent.calls = [];
  sent.fail = false;
});

const heartbeat = (requestedBy: string) => ({ name: "switchboard/heartbeat.requested" as const, data: { requestedBy } });

describe("dispatch (Inngest driver)", () => {
  it("sends the events of one event-loop turn in one request", async () => {
    const { dispatch } = await import("./dispatch");
    await Promise.all([dispatch(heartbeat("a")), dispatch(heartbeat("b")), dispatch(heartbeat("c"))]);
    expect(sent.calls).toHaveLength(1);
    expect(sent.calls[0]).toEqual([heartbeat("a"), heartbeat("b"), heartbeat("c")]);
    await dispatch(heartbeat("d"));
    expect(sent.calls).toHaveLength(2);
  });

  it("a failed send rejects every caller of that batch", async () => {
    const { dispatch } = await import("./dispatch");
    sent.fail = true;
    const results = await Promise.allSettled([dispatch(heartbeat("a")), dispatch(heartbeat("b"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });

  it("an invalid payload is refused before anything is sent", async () => {
    const { dispatch } = await import("./dispatch");
    await expect(dispatch(heartbeat(""))).rejects.toThrow();
    expect(sent.calls).toHaveLength(0);
  });

  it("callers that asked for a window share one send; a waiting caller flushes it at once", async () => {
    const { dispatch } = await import("./dispatch");
    const first = dispatch(heartbeat("w1"), { batchWindowMs: 30 });
    await new Promise((r) => setTimeout(r, 5));
    const second = dispatch(heartbeat("w2"), { batchWindowMs: 30 });
    await Promise.all([first, second]);
    expect(sent.calls).toEqual([[heartbeat("w1"), heartbeat("w2")]]);

    const windowed = dispatch(heartbeat("w3"), { batchWindowMs: 10_000 });
    await dispatch(heartbeat("now"));
    await windowed;
    expect(sent.calls[1]).toEqual([heartbeat("w3"), heartbeat("now")]);
  });

  it("a full batch does not wait out its window", async () => {
    const { dispatch } = await import("./dispatch");
    const many = Array.from({ length: 200 }, (_, i) => dispatch(heartbeat(`b${i}`), { batchWindowMs: 10_000 }));
    await Promise.all(many);
    expect(sent.calls).toHaveLength(1);
    expect(sent.calls[0]).toHaveLength(200);
  });

  it("fire-and-forget calls of one window share a send and one keep-alive that covers it", async () => {
    const { dispatchSoon } = await import("./dispatch");
    const kept: Promise<unknown>[] = [];
    const keepAlive = (p: Promise<unknown>) => void kept.push(p);
    dispatchSoon(heartbeat("s1"), { windowMs: 20, keepAlive });
    dispatchSoon(heartbeat("s2"), { windowMs: 20, keepAlive });
    dispatchSoon(heartbeat("s3"), { windowMs: 20, keepAlive });
    expect(kept).toHaveLength(1);
    expect(sent.calls).toHaveLength(0);
    await kept[0];
    expect(sent.calls).toEqual([[heartbeat("s1"), heartbeat("s2"), heartbeat("s3")]]);
  });

  it("a failed fire-and-forget send is logged, never thrown; an invalid event is refused at once", async () => {
    const { dispatchSoon } = await import("./dispatch");
    const { logger } = await import("~/server/logger");
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    sent.fail = true;
    const kept: Promise<unknown>[] = [];
    dispatchSoon(heartbeat("f1"), { windowMs: 5, keepAlive: (p) => void kept.push(p) });
    dispatchSoon(heartbeat("f2"), { windowMs: 5 });
    await kept[0];
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toBe("jobs.dispatch_failed");
    expect(() => dispatchSoon(heartbeat(""), { windowMs: 5 })).toThrow();
    error.mockRestore();
  });
});
