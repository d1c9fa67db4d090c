// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { BlockReader, TextOffsets, nodesForSpan, rangeForSpan, splitLongBlock } from "../../../src/content/page-text";
import { runs } from "../support/runs";

function blocks(html: string) {
  document.body.innerHTML = html; // test fixture only
  const reader = new BlockReader(document.body);
  const out = [];
  for (let block = reader.next(); block; block = reader.next()) out.push(block);
  return out;
}

describe("reading a page's text", () => {
  test("inline tags continue a block; block elements end it", () => {
    const result = blocks("<p>알리<b>바바</b> 클라우드는</p><p>마윈의 <a href='#'>말</a></p>");
    expect(result.map((b) => b.text)).toEqual(["알리바바 클라우드는", "마윈의 말"]);
  });

  test("script, style, form fields and editable regions are skipped", () => {
    const result = blocks(
      "<p>본문</p><script>var a='알리바바'</script><style>.x{}</style><textarea>알리바바</textarea>" +
        "<select><option>알리바바</option></select><div contenteditable='true'>알리바바</div><noscript>알리바바</noscript><p>끝</p>",
    );
    expect(result.map((b) => b.text)).toEqual(["본문", "끝"]);
  });

  test("a span across inline tags maps exactly onto a Range", () => {
    const [block] = blocks("<p>오늘 <i>알리</i><b>바바</b>는</p>");
    const start = block!.text.indexOf("알리바바");
    const range = rangeForSpan(block!, start, start + 4, document);
    expect(range.toString()).toBe("알리바바");
    expect(nodesForSpan(block!, start, start + 4)).toHaveLength(2);
  });

  test("a span that starts at a node boundary starts in the next node", () => {
    const [block] = blocks("<p>발표: <b>마윈</b></p>");
    const start = block!.text.indexOf("마윈");
    const range = rangeForSpan(block!, start, start + 2, document);
    expect(range.startContainer.textContent).toBe("마윈");
    expect(range.startOffset).toBe(0);
  });

  test("a very long block is scanned in parts cut after sentences, each mapping exactly onto the page", () => {
    const sentence = (i: number) =>
      i % 7 === 0 ? `알리바바 클라우드는 ${i}번째 발표를 했다. ` : `시장은 조용했고 거래는 ${i}건이었다. `;
    const first = Array.from({ length: 3000 }, (_, i) => sentence(i)).join("");
    document.body.innerHTML = "<p></p>"; // test fixture only
    const p = document.querySelector("p")!;
    p.append(first, Object.assign(document.createElement("b"), { textContent: "마윈의 말. " }), first);
    const [block] = blocks(document.body.innerHTML);
    const parts = splitLongBlock(block!, 4096);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.map((part) => part.text).join("")).toBe(block!.text);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(4096);
      expect(part.text.length).toBeGreaterThan(2048 - 40);
      // Every occurrence of a name inside a part maps onto the page exactly (names are never cut).
      for (const name of ["알리바바 클라우드", "마윈"]) {
        for (let at = part.text.indexOf(name); at >= 0; at = part.text.indexOf(name, at + 1)) {
          expect(rangeForSpan(part, at, at + name.length, document).toString()).toBe(name);
        }
      }
    }
    const count = (text: string, name: string) => text.split(name).length - 1;
    expect(parts.reduce((n, part) => n + count(part.text, "알리바바 클라우드"), 0)).toBe(
      count(block!.text, "알리바바 클라우드"),
    );
    expect(splitLongBlock(block!, 1_000_000)).toEqual([block]);
  });

  test("blocks are exactly those of the plain recursive definition, on random trees", () => {
    // The definition BlockReader implements with one flat walk: inline elements continue the run of text,
    // any other element (even an empty one) ends it before and after, skipped and editable elements end it
    // and yield nothing, and blank text never starts a block.
    const INLINE = new Set(["B", "SPAN", "A", "EM", "BR"]);
    const SKIPPED = new Set(["NOSCRIPT", "CODE", "TEXTAREA", "PRE"]);
    const reference = (root: Element) => {
      const out: Text[][] = [];
      let run: Text[] | null = null;
      const end = () => {
        if (run) out.push(run);
        run = null;
      };
      const visit = (node: Node) => {
        for (const child of node.childNodes) {
          if (child instanceof Text) {
            if (run) run.push(child);
            else if (child.data.trim()) run = [child];
          } else if (child instanceof Element) {
            if (SKIPPED.has(child.tagName) || child.getAttribute("contenteditable") === "true") end();
            else if (INLINE.has(child.tagName)) visit(child);
            else {
              end();
              visit(child);
              end();
            }
          }
        }
      };
      visit(root);
      end();
      return out;
    };
    type Tree = { tag: string; editable: boolean; children: Array<Tree | string> };
    const tree = fc.letrec<{ node: Tree; child: Tree | string }>((tie) => ({
      node: fc.record({
        tag: fc.constantFrom(
          "b",
          "span",
          "a",
          "em",
          "br",
          "p",
          "div",
          "li",
          "img",
          "noscript",
          "code",
          "textarea",
          "pre",
        ),
        editable: fc.boolean(),
        children: fc.array(tie("child"), { maxLength: 4 }),
      }),
      child: fc.oneof({ depthSize: "small" }, fc.constantFrom("알리", "바바", " ", "\n  ", "마윈의 ", ""), tie("node")),
    })).node;
    const build = (t: Tree): Element => {
      const element = document.createElement(t.tag);
      if (t.editable && t.tag === "div") element.setAttribute("contenteditable", "true");
      for (const child of t.children)
        element.append(typeof child === "string" ? document.createTextNode(child) : build(child));
      return element;
    };
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (trees) => {
        document.body.replaceChildren(...trees.map(build));
        const reader = new BlockReader(document.body);
        const read: Text[][] = [];
        for (let block = reader.next(); block; block = reader.next()) {
          expect(block.text).toBe(block.nodes.map((n) => n.data).join(""));
          read.push(block.nodes);
        }
        expect(read).toEqual(reference(document.body));
      }),
      { numRuns: runs(3000) },
    );
  });

  test("maps offsets in the root's text to the text nodes holding them, stepping over whole subtrees", () => {
    const tag = fc.constantFrom("p", "div", "b", "span", "li", "script");
    const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom("가", "알", "리", " ", "x"), maxLength: 6 }) },
        { weight: 1, arbitrary: fc.constant("<!-- 주석 -->") },
        { weight: 1, arbitrary: fc.constant("<span></span>") },
        {
          weight: 2,
          arbitrary: fc
            .tuple(tag, fc.array(tie("node"), { maxLength: 4 }))
            .map(([t, children]) => `<${t}>${children.join("")}</${t}>`),
        },
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.array(tree, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (parts, picks, budget) => {
          document.body.innerHTML = parts.join(""); // test fixture only
          const text = document.body.textContent ?? "";
          // Every text node with its start, the naive way.
          const nodes: Array<[Text, number]> = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let at = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            nodes.push([n as Text, at]);
            at += (n as Text).length;
          }
          expect(at).toBe(text.length);
          const offsets = new TextOffsets(document.body);
          for (const offset of [...new Set(picks.map((p) => p % (text.length + 1)))].sort((a, b) => a - b)) {
            let found = offsets.nodeAt(offset, budget);
            while (found === undefined) found = offsets.nodeAt(offset, budget);
            const expected = nodes.find(([n, s]) => offset >= s && offset < s + n.length);
            expect(found).toBe(expected?.[0] ?? null);
            if (expected) expect([offsets.start, offsets.end]).toEqual([expected[1], expected[1] + expected[0].length]);
          }
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});
