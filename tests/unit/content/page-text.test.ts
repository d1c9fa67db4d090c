// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { BlockReader, nodesForSpan, rangeForSpan } from "../../../src/content/page-text";

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
});
