import { describe, expect, test } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/scan.ts";
import { bufferIo } from "../support/cli.ts";

/** The CLI's main in process: what it wrote and its exit status. */
async function run(...args: string[]) {
  const io = bufferIo();
  const status = await main(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
}
const scan = (...files: string[]) => run("--jsonl", ...files);
const figures = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l))
    .map((line) =>
      line.mentions
        .filter((m: { figure?: unknown }) => m.figure)
        .map((m: { text: string; figure: object }) => [m.text, m.figure]),
    );

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

  test("prints one JSON line per file with UTF-16 offsets into the text", async () => {
    const result = await scan(txt);
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
  });

  test("scans HTML by its visible text, offsets mapped to the source", async () => {
    const result = await scan(html);
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
  });

  test("checked amounts carry the verdict as figure.status; --date places 지난해 4분기 for every file given", async () => {
    const earnings = join(dir, "earnings.txt");
    const page = join(dir, "earnings.html");
    writeFileSync(
      earnings,
      "알리바바의 지난해 4분기 매출은 2700억 위안이었다. 알리바바는 3년간 AI 인프라에 53억 달러를 쓴다.",
    );
    writeFileSync(page, "<html><body><p>알리바바의 지난해 4분기 매출은 2700억 위안이었다.</p></body></html>");
    // Without a date 지난해 cannot be placed: the differing revenue is not called so; the unit slip is.
    const undated = await scan(earnings);
    expect(figures(undated.stdout)).toEqual([
      [["53억 달러", { value: 53e8, currency: "USD", status: "unit-slip", id: "capex-380b", intended: 53e9 }]],
    ]);
    const dated = await run("--jsonl", "--date", "2025-02-21", earnings, page);
    expect(dated.status).toBe(0);
    const [text, html] = figures(dated.stdout);
    expect(text![0]).toEqual([
      "2700억 위안",
      { value: 2700e8, currency: "CNY", status: "differs", id: "revenue-q4-2024" },
    ]);
    expect(html).toEqual([text![0]]);
  });

  test("an HTML page's own date is used when no --date is given", async () => {
    const page = join(dir, "dated.html");
    writeFileSync(
      page,
      '<html><head><meta property="article:published_time" content="2025-02-21T09:00:00+09:00"></head><body><p>알리바바의 지난해 4분기 매출은 2700억 위안이었다.</p></body></html>',
    );
    expect(figures((await scan(page)).stdout)[0]!.map(([, f]: [string, { status: string }]) => f.status)).toEqual([
      "differs",
    ]);
  });

  test("--date needs a real date", async () => {
    const result = await run("--jsonl", "--date", "2025-13-40", txt);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--date needs a date as YYYY-MM-DD");
  });

  test("an unreadable file gives exit code 2 and a clear message, other files still scanned", async () => {
    const result = await scan(join(dir, "missing.txt"), txt);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot read ${join(dir, "missing.txt")}`);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
  });
});
