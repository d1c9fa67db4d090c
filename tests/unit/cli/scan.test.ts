import { describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const scan = (...files: string[]) =>
  spawnSync("npx", ["tsx", "src/cli/scan.ts", "--jsonl", ...files], { cwd: ROOT, encoding: "utf8" });

describe("scan CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "maekrak-scan-"));
  const txt = join(dir, "a.txt");
  const html = join(dir, "b.html");
  // The emoji is two UTF-16 code units: offsets after it prove the units are UTF-16, not code points or bytes.
  const text = "오늘 알리바바는 새 소식을 알렸다.\n😀 창업자 마윈의 말과 1조 차이";
  writeFileSync(txt, text);
  writeFileSync(
    html,
    "<html><body><p>알리<b>바바</b> 클라우드가</p><script>알리바바</script><textarea>마윈</textarea><p>마윈&amp;조 차이</p></body></html>",
  );

  test("prints one JSON line per file with UTF-16 offsets into the text", () => {
    const result = scan(txt);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].file).toBe(txt);
    for (const m of lines[0].mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(lines[0].mentions.map((m: { text: string; entity: string }) => [m.text, m.entity])).toEqual([
      ["알리바바", "alibaba-group"],
      ["마윈", "jack-ma"],
    ]);
    expect(lines[0].mentions[1].start).toBe(text.indexOf("마윈"));
  }, 30_000);

  test("scans HTML by its visible text, offsets mapped to the source", () => {
    const result = scan(html);
    expect(result.status).toBe(0);
    const [line] = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(line.mentions.map((m: { text: string }) => m.text)).toEqual(["알리바바 클라우드", "마윈", "조 차이"]);
    const source =
      "<html><body><p>알리<b>바바</b> 클라우드가</p><script>알리바바</script><textarea>마윈</textarea><p>마윈&amp;조 차이</p></body></html>";
    expect(source.slice(line.mentions[0].start, line.mentions[0].end)).toBe("알리<b>바바</b> 클라우드");
    expect(source.slice(line.mentions[1].start, line.mentions[1].end)).toBe("마윈");
  }, 30_000);

  test("an unreadable file gives exit code 2 and a clear message, other files still scanned", () => {
    const result = scan(join(dir, "missing.txt"), txt);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot read ${join(dir, "missing.txt")}`);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
  }, 30_000);
});
