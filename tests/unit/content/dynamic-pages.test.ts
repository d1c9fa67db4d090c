// @vitest-environment jsdom
/**
 * Pages that change after the first scan: the scanner drops exactly the mentions a change made stale, and
 * looks for them only where a change can have made them so. An append must not cost a range.toString()
 * per mention already held (on a page that keeps appending, that was most of Maekrak's work).
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import fc from "fast-check";
import type { MentionRecord } from "../../../src/content/highlighter";
import { runs } from "../support/runs";

// CSS Custom Highlight API polyfill, installed before the modules under test are imported.
await import("./highlight-polyfill");
const { MentionHighlighter } = await import("../../../src/content/highlighter");
const { PageScanner } = await import("../../../src/content/scanner");
const { matcher, sieve } = await import("../support/content-pipeline");

let running: { stop(): void } | null = null;
afterEach(() => {
  running?.stop();
  running = null;
  vi.restoreAllMocks();
});

/** Scans `html` to the end and returns a function that lets the observer see what changed and scans that. */
function scanPage(html: string) {
  document.body.innerHTML = html; // test fixture only
  const highlighter = new MentionHighlighter();
  const scanner = new PageScanner({ doc: document, matcher, sieve, highlighter, onChange: () => {} });
  scanner.start();
  scanner.drain();
  running = {
    stop: () => {
      scanner.stop();
      highlighter.clear();
    },
  };
  const settle = async () => {
    await new Promise((resolve) => setImmediate(resolve)); // the observer's records
    scanner.drain();
  };
  const texts = () => highlighter.records.map((r) => r.range.toString());
  return { highlighter, settle, texts };
}

/** Counts range.toString() calls from now on. */
const countToString = () => vi.spyOn(Range.prototype, "toString");

describe("following a page that changes", () => {
  test("an append keeps every mention held and finds the new ones, without checking a held mention's text", async () => {
    const { highlighter, settle, texts } = scanPage(
      "<main><p>알리바바는 오늘 실적을 냈다.</p><p>마윈의 <b>말</b>이 전해졌다.</p><p>오늘 <i>알리</i><b>바바</b> 클라우드가 말했다.</p></main>",
    );
    const before = [...highlighter.records];
    expect(before.length).toBeGreaterThanOrEqual(3);
    const rangeToString = countToString();
    const box = document.createElement("div");
    box.innerHTML = "<p>앤트그룹이 새 서비스를 냈다.</p><p>타오바오에서도 팔린다.</p>"; // test fixture only
    document.querySelector("main")!.append(box);
    await settle();
    expect(rangeToString).not.toHaveBeenCalled();
    expect(highlighter.records.slice(0, before.length)).toEqual(before);
    expect(texts().slice(before.length)).toEqual(["앤트그룹", "타오바오"]);
  });

  test("an edit inside an inline tag completes a name across the tag: the whole block is read again", async () => {
    const { settle, texts } = scanPage("<p>오늘 알리<b id='x'>x</b>는 말했다.</p><p>마윈의 말.</p>");
    expect(texts()).toEqual(["마윈"]);
    (document.getElementById("x")!.firstChild as Text).data = "바바";
    await settle();
    expect(texts()).toEqual(["마윈", "알리바바"]);
    const inline = Object.assign(document.createElement("i"), { textContent: "원" });
    document.querySelector("p")!.append(" 큐", inline, "이 나왔다.");
    await settle();
    expect(texts()).toEqual(["마윈", "알리바바", "큐원"]);
  });

  test("an edited text node loses its mention", async () => {
    const { highlighter, settle, texts } = scanPage(
      "<p id='a'>알리바바는 오늘 말했다.</p><p>마윈의 말이 전해졌다.</p><p>큐원을 공개했다.</p>",
    );
    expect(texts()).toEqual(["알리바바", "마윈", "큐원"]);
    (document.getElementById("a")!.firstChild as Text).data = "오늘은 조용했다.";
    await settle();
    expect(texts()).toEqual(["마윈", "큐원"]);
    expect(highlighter.recordsOn(document.getElementById("a")!.firstChild!)).toEqual([]);
  });

  test("an edit whose text keeps its mention's characters keeps the mention; only the mentions in the edited node are checked", async () => {
    const { highlighter, settle, texts } = scanPage(
      "<p id='a'>알리바바는 오늘 말했다.</p><p>마윈의 말이 전해졌다.</p><p>큐원을 공개했다.</p>",
    );
    const before = [...highlighter.records];
    const rangeToString = countToString();
    (document.getElementById("a")!.firstChild as Text).appendData(" 앤트그룹의 말도.");
    await settle();
    expect(rangeToString).toHaveBeenCalledTimes(1); // 알리바바's, not 마윈's nor 큐원's
    expect(highlighter.records.slice(0, 3)).toEqual(before);
    expect(texts()).toEqual(["알리바바", "마윈", "큐원", "앤트그룹"]);
  });

  test("an edit inside a mention's text drops it", async () => {
    const { settle, texts } = scanPage("<p>오늘 <i>알리</i><b id='b'>바바</b> 클라우드가 말했다.</p>");
    expect(texts()).toEqual(["알리바바 클라우드"]);
    (document.getElementById("b")!.firstChild as Text).replaceData(0, 1, "1"); // 알리1바: no name (알리부바 would be a tolerated misspelling)
    await settle();
    expect(texts()).toEqual([]);
  });

  test("a node inserted between the text nodes of a mention drops it; mentions in one text node are not checked", async () => {
    const { settle, texts } = scanPage("<p>마윈의 말.</p><p id='p'>오늘 <i>알리</i><b>바바</b>는 말했다.</p>");
    expect(texts()).toEqual(["마윈", "알리바바"]);
    const rangeToString = countToString();
    document
      .getElementById("p")!
      .insertBefore(Object.assign(document.createElement("u"), { textContent: "와" }), document.querySelector("b"));
    await settle();
    expect(rangeToString).toHaveBeenCalledTimes(1); // the two-node mention's, not 마윈's
    expect(texts()).toEqual(["마윈"]);
  });

  test("a removed subtree loses its mentions; mentions elsewhere are not checked", async () => {
    const { settle, texts } = scanPage(
      "<p>알리바바는 오늘 말했다.</p><div id='gone'><p>마윈의 <b>말</b>이 전해졌다.</p><p>오늘 <i>알리</i><b>바바</b> 클라우드가 말했다.</p></div><p>큐원을 공개했다.</p>",
    );
    expect(texts()).toEqual(["알리바바", "마윈", "알리바바 클라우드", "큐원"]);
    const rangeToString = countToString();
    document.getElementById("gone")!.remove();
    await settle();
    expect(rangeToString).not.toHaveBeenCalled(); // the removed ones are out of the page; the others untouched by it
    expect(texts()).toEqual(["알리바바", "큐원"]);
  });

  test("a removed subtree loses its mentions even when it is put back elsewhere before the scanner looks", async () => {
    const { highlighter, settle, texts } = scanPage(
      "<div id='a'><p id='moved'>마윈의 말이 전해졌다.</p></div><div id='b'></div>",
    );
    const [held] = highlighter.records;
    document.getElementById("b")!.append(document.getElementById("moved")!);
    await settle();
    // The old range's ends were moved to the old parent by the removal (so it no longer covers the name);
    // the name is found again in its new place.
    expect(highlighter.records).not.toContain(held);
    expect(texts()).toEqual(["마윈"]);
  });

  test("an inline element removed from inside a mention drops it (<p>알리<b>바</b>바는</p>)", async () => {
    const { settle, texts } = scanPage("<p>오늘 알리<b>바</b>바는 말했다.</p>");
    expect(texts()).toEqual(["알리바바"]);
    document.querySelector("b")!.remove();
    await settle();
    expect(texts()).not.toContain("알리바바");
  });

  test("a mention whose middle text node moves out of it is dropped (its ends stay where they were)", async () => {
    const { settle, texts } = scanPage("<p>오늘 <i>알</i><b>리바</b><i>바</i>는 말했다.</p><p id='other'>다른 글.</p>");
    expect(texts()).toEqual(["알리바바"]);
    document.getElementById("other")!.append(document.querySelector("b")!);
    await settle();
    expect(texts()).toEqual([]);
  });

  test("removing an empty inline element inside a mention keeps it", async () => {
    const { highlighter, settle } = scanPage("<p>오늘 알리<span></span>바바는 말했다.</p>");
    const [record] = highlighter.records;
    expect(record?.text).toBe("알리바바");
    document.querySelector("span")!.remove();
    await settle();
    expect(highlighter.records).toEqual([record]);
  });
});

/** The check the scanner made of every held mention on every change before: its text left the page or changed. */
const isStale = (r: MentionRecord) =>
  r.range.collapsed || !r.nodes.every((n) => n.isConnected) || r.range.toString() !== r.text;

const WORDS = [
  "알리바바",
  "알리",
  "바바는",
  "마윈의",
  "오늘 ",
  "큐원을",
  " 말했다.",
  "앤트그룹이",
  "클라우드",
  " ",
  "바",
];
type Op =
  | { kind: "edit"; at: number; offset: number; count: number; word: number }
  | { kind: "remove"; at: number }
  | { kind: "move"; at: number; to: number }
  | { kind: "insert"; at: number; word: number; tag: "" | "b" | "p" };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("edit" as const),
    at: fc.nat(),
    offset: fc.nat({ max: 12 }),
    count: fc.nat({ max: 4 }),
    word: fc.nat(),
  }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("move" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    word: fc.nat(),
    tag: fc.constantFrom("" as const, "b" as const, "p" as const),
  }),
);

/** Applies one change to the page below <main> (nodes picked by index in document order). */
function apply(change: Op): void {
  const main = document.querySelector("main")!;
  const all: Node[] = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) all.push(node);
  const elements = [main, ...all.filter((n): n is Element => n.nodeType === Node.ELEMENT_NODE)];
  const texts = all.filter((n): n is Text => n.nodeType === Node.TEXT_NODE);
  const word = (i: number) => WORDS[i % WORDS.length]!;
  switch (change.kind) {
    case "edit": {
      const text = texts[change.at % Math.max(1, texts.length)];
      if (text) text.replaceData(Math.min(change.offset, text.length), change.count, word(change.word));
      break;
    }
    case "remove":
      (all[change.at % Math.max(1, all.length)] as ChildNode | undefined)?.remove();
      break;
    case "move": {
      const node = all[change.at % Math.max(1, all.length)];
      const to = elements[change.to % elements.length]!;
      if (node && !node.contains(to)) to.append(node);
      break;
    }
    case "insert": {
      const parent = elements[change.at % elements.length]!;
      const node = change.tag
        ? Object.assign(document.createElement(change.tag), { textContent: word(change.word) })
        : document.createTextNode(word(change.word));
      parent.insertBefore(node, parent.childNodes[change.at % (parent.childNodes.length + 1)] ?? null);
      break;
    }
  }
}

const paragraphs = fc.array(
  fc.array(fc.record({ word: fc.nat(), tag: fc.constantFrom("", "b", "i") }), { minLength: 1, maxLength: 8 }),
  { minLength: 1, maxLength: 4 },
);

describe("following a page that changes, over random changes", () => {
  test("exactly the mentions whose text left the page or changed are dropped, batch after batch", async () => {
    await fc.assert(
      fc.asyncProperty(
        paragraphs,
        fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        async (model, batches) => {
          const html = model
            .map(
              (words) =>
                `<p>${words.map(({ word, tag }) => (tag ? `<${tag}>${WORDS[word % WORDS.length]}</${tag}>` : WORDS[word % WORDS.length])).join("")}</p>`,
            )
            .join("");
          const { highlighter, settle } = scanPage(`<main>${html}</main>`);
          try {
            for (const batch of batches) {
              const held = [...highlighter.records];
              for (const change of batch) apply(change);
              await settle();
              for (const record of held)
                expect(highlighter.records.includes(record), `${record.text}: ${record.range.toString()}`).toBe(
                  !isStale(record),
                );
              for (const record of highlighter.records) expect(isStale(record)).toBe(false);
            }
          } finally {
            running?.stop();
            running = null;
          }
        },
      ),
      { numRuns: runs(300) },
    );
  }, 60_000);
});
