// @vitest-environment jsdom
/**
 * HoverController through its public API, with a fake highlighter (hit-tests by the pointer's x) and a fake
 * card: resting on a mention opens its card after the delay, leaving it closes after a grace period, a hold key
 * gates the pointer, Esc closes, a card without details is not shown, a tap opens and a tap elsewhere closes,
 * a mention in a link keeps the link's tap, and stop() leaves the page's events alone.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { HoverOptions } from "../../../src/content/hover";
import { HoverController, LONG_PRESS_MS } from "../../../src/content/hover";
import type { HoverCard } from "../../../src/content/card";
import type { MentionHighlighter, MentionRecord } from "../../../src/content/highlighter";

const DELAY = 200;
const GRACE = 300;

/** A mention whose text node lies in `parent` (a link, or the body). */
function mention(entity: string, parent: HTMLElement = document.body): MentionRecord {
  const text = document.createTextNode(entity);
  parent.append(text);
  const range = document.createRange();
  range.selectNodeContents(text);
  return { entity, range } as unknown as MentionRecord;
}

function setUp(hover: Partial<HoverOptions> = {}, details: (entity: string) => unknown = (e) => ({ entity: e })) {
  const mentions = { left: mention("alibaba-group"), right: mention("qwen") };
  // x < 100: the left mention; 100 ≤ x < 200: the right one; beyond: no mention.
  const highlighter = {
    hitTest: (_doc: Document, x: number) => (x < 100 ? mentions.left : x < 200 ? mentions.right : null),
  } as unknown as MentionHighlighter;
  const card = {
    open: null as MentionRecord | null,
    pinned: false,
    hasFocus: false,
    shown: [] as Array<{ entity: string; options: object }>,
    show(m: MentionRecord, _details: unknown, options: object) {
      this.open = m;
      this.shown.push({ entity: m.entity, options });
    },
    hide() {
      this.open = null;
    },
    containsEvent: () => false,
  };
  const controller = new HoverController({
    doc: document,
    highlighter,
    card: card as unknown as HoverCard,
    loadDetails: async (entity) => details(entity) as never,
    hover: { delayMs: DELAY, holdKey: "none", tapToOpen: true, linkTap: "follow", ...hover },
  });
  controller.start();
  return { controller, card, mentions };
}

/** A pointer event as the browser sends it (jsdom may lack PointerEvent: a MouseEvent with its fields). */
function pointer(type: string, x: number, init: { pointerType?: string; shiftKey?: boolean } = {}) {
  const event = new MouseEvent(type, { clientX: x, clientY: 10, bubbles: true, shiftKey: init.shiftKey ?? false });
  Object.assign(event, { pointerType: init.pointerType ?? "mouse", pointerId: 1, isPrimary: true });
  window.dispatchEvent(event);
}
const move = (x: number, init?: { shiftKey?: boolean }) => {
  pointer("pointermove", x, init);
  vi.advanceTimersToNextFrame();
};
const tap = (x: number) => {
  pointer("pointerdown", x, { pointerType: "touch" });
  pointer("pointerup", x, { pointerType: "touch" });
};
/** Runs the timers due within `ms`, and the promise callbacks they queue. */
const wait = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("hover: the pointer", () => {
  test("resting on a mention opens its card after the delay, not before", async () => {
    const { card, controller } = setUp();
    move(50);
    await wait(DELAY - 50);
    expect(card.open).toBeNull();
    await wait(60);
    expect(card.shown.map((s) => s.entity)).toEqual(["alibaba-group"]);
    controller.stop();
  });

  test("moving on to another mention before the delay opens only that one", async () => {
    const { card, controller } = setUp();
    move(50);
    await wait(DELAY / 2);
    move(150);
    await wait(DELAY + 10);
    expect(card.shown.map((s) => s.entity)).toEqual(["qwen"]);
    controller.stop();
  });

  test("leaving the mention closes the card after a grace period; a pinned card stays", async () => {
    const { card, controller } = setUp();
    move(50);
    await wait(DELAY + 10);
    move(500);
    await wait(GRACE - 50);
    expect(card.open).not.toBeNull();
    await wait(60);
    expect(card.open).toBeNull();
    move(150);
    await wait(DELAY + 10);
    card.pinned = true;
    move(500);
    await wait(GRACE * 2);
    expect(card.open?.entity).toBe("qwen");
    controller.stop();
  });

  test("the pointer inside the card keeps it open", async () => {
    const { card, controller } = setUp();
    move(50);
    await wait(DELAY + 10);
    controller.pointerInsideCard(true);
    move(500);
    await wait(GRACE * 2);
    expect(card.open?.entity).toBe("alibaba-group");
    controller.pointerInsideCard(false);
    await wait(GRACE + 10);
    expect(card.open).toBeNull();
    controller.stop();
  });

  test("with a hold key, only a pointer with the key held opens; pressing the key while resting opens", async () => {
    const { card, controller } = setUp({ holdKey: "Shift" });
    move(50);
    await wait(DELAY * 2);
    expect(card.open).toBeNull();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Shift" }));
    await wait(DELAY + 10);
    expect(card.open?.entity).toBe("alibaba-group");
    controller.stop();
  });

  test("Esc closes the open card", async () => {
    const { card, controller } = setUp();
    move(50);
    await wait(DELAY + 10);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(card.open).toBeNull();
    controller.stop();
  });

  test("no details, no card; resting on the mention again asks again", async () => {
    let available = false;
    const { card, controller } = setUp({}, (entity) => (available ? { entity } : null));
    move(50);
    await wait(DELAY + 10);
    expect(card.open).toBeNull();
    available = true;
    move(500);
    move(50);
    await wait(DELAY + 10);
    expect(card.open?.entity).toBe("alibaba-group");
    controller.stop();
  });
});

describe("hover: touch", () => {
  test("a tap on a mention opens its card at once, focused; a tap elsewhere closes it", async () => {
    const { card, controller } = setUp();
    tap(50);
    await wait(0);
    expect(card.shown).toEqual([{ entity: "alibaba-group", options: { focus: true, touch: true, link: null } }]);
    tap(500);
    expect(card.open).toBeNull();
    controller.stop();
  });

  test("without tap-to-open a tap does nothing", async () => {
    const { card, controller } = setUp({ tapToOpen: false });
    tap(50);
    await wait(0);
    expect(card.open).toBeNull();
    controller.stop();
  });

  test("a mention in a link keeps the link's tap, and opens on a long press", async () => {
    const link = document.createElement("a");
    link.href = "https://example.org/";
    document.body.append(link);
    const { card, controller, mentions } = setUp();
    mentions.left = mention("alibaba-group", link);
    tap(50);
    await wait(0);
    expect(card.open).toBeNull();
    pointer("pointerdown", 50, { pointerType: "touch" });
    await wait(LONG_PRESS_MS + 10);
    expect(card.open?.entity).toBe("alibaba-group");
    expect(card.shown[0]!.options).toMatchObject({ touch: true, link });
    controller.stop();
  });

  test("a pan (moving past the slop) opens nothing", async () => {
    const { card, controller } = setUp();
    pointer("pointerdown", 50, { pointerType: "touch" });
    pointer("pointermove", 80, { pointerType: "touch" });
    pointer("pointerup", 80, { pointerType: "touch" });
    await wait(DELAY);
    expect(card.open).toBeNull();
    controller.stop();
  });
});

test("after stop() the page's pointer no longer opens anything", async () => {
  const { card, controller } = setUp();
  controller.stop();
  move(50);
  await wait(DELAY * 2);
  expect(card.open).toBeNull();
});
