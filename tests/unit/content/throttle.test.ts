/**
 * The toolbar badge is reported through `throttle`: the first count at once, later ones at most every
 * interval with the state as it is then (the last change is never lost), none after it is cancelled.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { throttle } from "../../../src/content/throttle";

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] }));
afterEach(() => vi.useRealTimers());

/** A throttled report of `state.count`, and the counts it sent. */
function badge() {
  const state = { count: 0 };
  const sent: number[] = [];
  const report = throttle(() => sent.push(state.count), 500);
  const change = (count: number) => {
    state.count = count;
    report.call();
  };
  return { sent, change, report };
}

describe("throttle", () => {
  test("the first call runs at once; calls within the interval fold into one run at its end, with the latest state", () => {
    const { sent, change } = badge();
    change(1);
    expect(sent).toEqual([1]);
    for (let count = 2; count <= 20; count++) {
      vi.advanceTimersByTime(100); // a page appending a batch every 100 ms
      change(count);
    }
    // 2 s of batches: a run every 500 ms, not one per batch, and the last count when the interval is up.
    expect(sent).toEqual([1, 5, 10, 15]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1, 5, 10, 15, 20]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1, 5, 10, 15, 20]);
  });

  test("the last change of a burst is sent when the interval is up", () => {
    const { sent, change } = badge();
    change(1);
    vi.advanceTimersByTime(50);
    change(2);
    change(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(449);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
  });

  test("after a quiet interval, a call runs at once again", () => {
    const { sent, change } = badge();
    change(1);
    vi.advanceTimersByTime(600);
    change(2);
    expect(sent).toEqual([1, 2]);
  });

  test("cancel drops the pending run", () => {
    const { sent, change, report } = badge();
    change(1);
    change(2);
    report.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1]);
  });
});
