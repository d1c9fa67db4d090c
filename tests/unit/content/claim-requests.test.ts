// @vitest-environment jsdom
/**
 * The amounts a page hands on to the background (content/claim-requests.ts through the PageScanner), on jsdom pages
 * with a background that answers when the test says so: figures come back onto their block and are registered with
 * the names in one registration; requests go one at a time, in page order, so a later block is read with what an
 * earlier one said; an edited block, a stopped scan or a failed request checks nothing; a background slower than
 * an awake one does not hold the names back (its figures follow as soon as they come, mid-scan too), and even with a
 * long wait one that never answers holds them back a second at most.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ClaimBlock } from "../../../src/core/claim-blocks";
import type { Mention } from "../../../src/core/types";

const { registry } = await import("./highlight-polyfill");
const { MentionHighlighter } = await import("../../../src/content/highlighter");
const { PageScanner } = await import("../../../src/content/scanner");
const { blockUnchanged } = await import("../../../src/content/claim-requests");
const { matcher, sieve, claimsReadAsTheBackgroundDoes } = await import("../support/content-pipeline");

const PLAN = "알리바바는 지난달 향후 3년간 클라우드와 AI 인프라에 3800억 위안을 투자하겠다고 밝혔다.";
const AGAIN = "회사는 이 계획에 3800억 위안을 쓴다고 거듭 강조했다.";

type Request = { blocks: ClaimBlock[]; answer(): void; fail(): void };

/** A background that reads with the real claim reader, but answers each request only when told to. */
function backgroundOnCall() {
  const read = claimsReadAsTheBackgroundDoes();
  const requests: Request[] = [];
  const readClaims = (blocks: ClaimBlock[], pageDate?: string) =>
    new Promise<Mention[][]>((resolve, reject) => {
      requests.push({
        blocks,
        answer: () => void read(blocks, pageDate).then(resolve),
        fail: () => reject(new Error("Could not establish connection. Receiving end does not exist.")),
      });
    });
  return { requests, readClaims };
}

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

function scanPage(
  html: string,
  readClaims: (blocks: ClaimBlock[], pageDate?: string) => Promise<Mention[][]>,
  options: { amountsWaitMs?: number; onSettled?: () => void } = {},
) {
  document.head.innerHTML = '<meta property="article:published_time" content="2025-03-10T09:00:00+09:00">';
  document.body.innerHTML = html; // test fixture only
  const highlighter = new MentionHighlighter();
  const scanner = new PageScanner({
    doc: document,
    matcher,
    sieve,
    highlighter,
    onChange: () => {},
    readClaims,
    ...options,
  });
  stop = () => {
    scanner.stop();
    highlighter.clear();
  };
  scanner.start();
  /** What the registry holds, as the texts of its ranges. */
  const registered = () =>
    [...registry.values()]
      .flatMap((h) => [...h])
      .map((r) => (r as Range).toString())
      .sort();
  const figures = () => highlighter.records.filter((r) => r.figure).map((r) => `${r.text} ${r.figure!.verdict}`);
  return { scanner, highlighter, registered, figures };
}

/** Runs `body` on a laid-out page: paragraph i is 20 px tall at 20 × i, in a 100 px viewport (five in view). */
async function laidOut(body: () => Promise<void>): Promise<void> {
  const rect = vi.spyOn(Range.prototype, "getBoundingClientRect").mockImplementation(function (this: Range) {
    const paragraph = this.startContainer.parentElement!;
    const index = [...paragraph.parentElement!.children].indexOf(paragraph);
    return new DOMRect(0, 20 * index, 300, 20);
  });
  const height = vi.spyOn(window, "innerHeight", "get").mockReturnValue(100);
  try {
    await body();
  } finally {
    rect.mockRestore();
    height.mockRestore();
  }
}

/** Lets the answers' promises, the observer's records and the scan's next slices run. */
const later = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

describe("amounts handed on to the background", () => {
  // A background that answers within the wait (one awake does): a generous wait here, so a slow machine does not
  // outlast it.
  const WAITS = { amountsWaitMs: 5_000 };

  test("the first screen waits for its amounts: names and figures are registered together", async () => {
    const { requests, readClaims } = backgroundOnCall();
    const page = scanPage(`<p>${PLAN}</p>`, readClaims, WAITS);
    await later();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.blocks).toEqual([
      { text: PLAN, names: [{ start: 0, end: 4, entity: "alibaba-group", type: "organization" }], namedBefore: true },
    ]);
    expect(page.highlighter.records.map((r) => r.text)).toEqual(["알리바바"]);
    expect(page.registered()).toEqual([]);
    requests[0]!.answer();
    await later();
    expect(page.figures()).toEqual(["3800억 위안 match"]);
    expect(page.registered()).toEqual(["3800억 위안", "알리바바"]);
  });

  test("requests go one at a time, in page order: a later block is read with the owner an earlier one named", async () => {
    const { requests, readClaims } = backgroundOnCall();
    const page = scanPage(`<main><p>${PLAN}</p></main>`, readClaims, WAITS);
    await later();
    expect(requests).toHaveLength(1);
    const added = document.createElement("p");
    added.textContent = AGAIN;
    document.querySelector("main")!.append(added);
    await later();
    expect(requests).toHaveLength(1); // the appended block waits for the first answer
    expect(requests[0]!.blocks.map((b) => b.text)).toEqual([PLAN]);
    requests[0]!.answer();
    await later();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.blocks.map((b) => b.text)).toEqual([AGAIN]);
    requests[1]!.answer();
    await later();
    expect(page.figures()).toEqual(["3800억 위안 match", "3800억 위안 match"]);
    expect(page.registered()).toEqual(["3800억 위안", "3800억 위안", "알리바바"]);
  });

  test("a block edited while its amounts were out gets no figure from the old answer", async () => {
    const { requests, readClaims } = backgroundOnCall();
    const page = scanPage(`<p>${PLAN}</p>`, readClaims);
    await later();
    const text = document.querySelector("p")!.firstChild as Text;
    text.data = PLAN.replace("3800억 위안을", "큰돈을");
    requests[0]!.answer();
    await later();
    for (const request of requests.slice(1)) request.answer();
    await later();
    expect(page.figures()).toEqual([]);
    expect(page.registered()).toEqual(["알리바바"]);
  });

  test("an answer that comes after the scan stopped changes nothing", async () => {
    const { requests, readClaims } = backgroundOnCall();
    const page = scanPage(`<p>${PLAN}</p>`, readClaims, WAITS);
    await later();
    page.scanner.stop();
    requests[0]!.answer();
    await later();
    expect(page.figures()).toEqual([]);
    expect(page.registered()).toEqual([]);
  });

  test("a request that fails checks nothing, and the names are registered", async () => {
    const { requests, readClaims } = backgroundOnCall();
    const page = scanPage(`<p>${PLAN}</p>`, readClaims);
    await later();
    requests[0]!.fail();
    await later();
    expect(page.figures()).toEqual([]);
    expect(page.registered()).toEqual(["알리바바"]);
  });

  test("the first screen waits for the amounts above the fold alone, sent as soon as the walk reaches the fold", async () => {
    await laidOut(async () => {
      const { requests, readClaims } = backgroundOnCall();
      const page = scanPage(`<main>${`<p>${PLAN}</p>`.repeat(12)}</main>`, readClaims, WAITS);
      await later();
      // The first request went before the walk was done with the slice, with the five blocks in view.
      expect(requests[0]!.blocks).toHaveLength(5);
      expect(page.highlighter.records.filter((r) => !r.figure)).toHaveLength(12);
      expect(page.registered()).toEqual([]);
      requests[0]!.answer();
      await later();
      // Registered without waiting for the blocks below the fold (their request is still out).
      expect(requests).toHaveLength(2);
      expect(page.figures()).toHaveLength(5);
      expect(page.registered()).toHaveLength(12 + 5);
      requests[1]!.answer();
      await later();
      expect(page.figures()).toHaveLength(12);
    });
  });

  test("a background slower than the wait (one starting up): the names first, its figures as soon as they come", async () => {
    const { requests, readClaims } = backgroundOnCall();
    const page = scanPage(`<p>${PLAN}</p>`, readClaims);
    await later(300);
    expect(page.registered()).toEqual(["알리바바"]);
    requests[0]!.answer();
    await later();
    expect(page.registered()).toEqual(["3800억 위안", "알리바바"]);
  });

  test("figures owed to the first screen are registered when they come, while the long scan goes on", async () => {
    // Five paragraphs with amounts in view, then a long tail of names (long enough to be still scanning when the
    // answer comes).
    await laidOut(async () => {
      let settled = false;
      const { requests, readClaims } = backgroundOnCall();
      const tail = "<p>마윈과 조 차이 회장이 알리바바 클라우드 행사에 함께 나왔다.</p>".repeat(2_000);
      const page = scanPage(`<main>${`<p>${PLAN}</p>`.repeat(5)}${tail}</main>`, readClaims, {
        onSettled: () => {
          settled = true;
        },
      });
      for (let waited = 0; !page.registered().length && waited < 5000; waited += 10) await later(10);
      expect(page.registered().length).toBeGreaterThan(0);
      expect(page.figures()).toEqual([]);
      // The background answers now, each request as it comes; the scan's next registration is far off (a second).
      const registeredFigures = () => page.registered().filter((text) => text === "3800억 위안").length;
      for (let answered = 0, waited = 0; !registeredFigures() && waited < 300; waited += 10) {
        while (answered < requests.length) requests[answered++]!.answer();
        await later(10);
      }
      expect(settled).toBe(false); // not vacuous: the scan was still going
      expect(registeredFigures()).toBeGreaterThan(0);
    });
  });

  test("a background that never answers holds the first screen back a second at most", async () => {
    const page = scanPage(`<p>${PLAN}</p>`, () => new Promise<Mention[][]>(() => undefined), WAITS);
    await later(500);
    expect(page.registered()).toEqual([]);
    await later(700);
    expect(page.registered()).toEqual(["알리바바"]);
  });
});

describe("whether a block still holds the text that was sent", () => {
  test("its nodes must be in the page and spell its text, a part of a long block included", () => {
    document.body.innerHTML = "<p>알리바바는 <b>3800억</b> 위안을</p>"; // test fixture only
    const nodes = [...document.querySelectorAll("p, b")].flatMap((e) =>
      [...e.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE),
    );
    const [before, bold, after] = [nodes[0]!, nodes[2]!, nodes[1]!];
    const block = { text: "알리바바는 3800억 위안을", nodes: [before, bold, after], starts: [0, 6, 11] };
    expect(blockUnchanged(block)).toBe(true);
    // A part that starts inside its first node and ends inside its last.
    expect(blockUnchanged({ text: "바바는 3800억 위", nodes: [before, bold, after], starts: [-2, 4, 9] })).toBe(true);
    bold.data = "3900억";
    expect(blockUnchanged(block)).toBe(false);
    bold.data = "3800억";
    after.remove();
    expect(blockUnchanged(block)).toBe(false);
  });
});
