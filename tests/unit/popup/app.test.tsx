// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../../../src/popup/App";
import { compileKnowledgeBase } from "../../../src/kb/compile";
import type { Connector } from "../../../src/popup/connector";
import type { PageMentions } from "../../../src/messages/protocol";

const kb = compileKnowledgeBase({
  version: "test", asOf: "2026-03-10",
  sources: [{ id: "a", publisher: "연합뉴스", title: null, date: "2025-02-24", url: "https://example.org/a", kind: "news" }],
  entities: [
    { id: "jack-ma", type: "person", names: { ko: "마윈", en: "Jack Ma", zh: "马云" }, aliases: ["마윈", "馬雲"], summary: { ko: "창업자", en: "founder" },
      facts: [{ id: "f1", claim: { ko: "사실 하나", en: "one" }, date: "1999", sources: ["a"] }, { id: "f2", claim: { ko: "사실 둘", en: "two" }, date: "2019", sources: ["a"] }] },
    { id: "qwen", type: "product", names: { ko: "큐원", en: "Qwen" }, aliases: ["큐원", "通义千问"], summary: { ko: "모델", en: "model" },
      facts: [{ id: "f1", claim: { ko: "사실", en: "fact" }, date: "2023", sources: ["a"] }, { id: "f2", claim: { ko: "사실 둘", en: "two" }, date: "2024", sources: ["a"] }] },
  ],
});

const connector = (page: PageMentions | Error): Connector & { jumps: string[] } => {
  const jumps: string[] = [];
  return {
    jumps,
    getPageMentions: () => (page instanceof Error ? Promise.reject(page) : Promise.resolve(page)),
    scrollToMention: async (entity, direction) => { jumps.push(`${entity}:${direction}`); return { index: 0, total: 1 }; },
  };
};

async function mount(c: Connector) {
  const root = document.createElement("div");
  document.body.replaceChildren(root);
  await act(async () => render(<App kb={kb} connector={c} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

const click = async (element: Element | null) => act(async () => (element as HTMLElement).click());

describe("popup", () => {
  test("says so plainly when the page has no mentions", async () => {
    const root = await mount(connector({ url: "u", title: "t", total: 0, entities: [] }));
    expect(root.textContent).toContain("page_empty");
  });

  test("says the page is unavailable when the content script does not answer", async () => {
    const root = await mount(connector(new Error("no receiver")));
    expect(root.textContent).toContain("page_unavailable");
  });

  test("groups the page's entities by type with counts; selecting one shows facts and sources; jump asks the page", async () => {
    const c = connector({ url: "u", title: "t", total: 5, entities: [
      { entity: "jack-ma", type: "person", count: 3, forms: ["마윈"] },
      { entity: "qwen", type: "product", count: 2, forms: ["큐원", "Qwen"] },
    ] });
    const root = await mount(c);
    const groups = [...root.querySelectorAll<HTMLElement>(".group")].map((g) => [g.dataset.type, g.querySelector(".entity-row .count")?.textContent]);
    expect(groups).toEqual([["product", "2"], ["person", "3"]]);
    await click(root.querySelector('[data-entity="jack-ma"]'));
    expect(root.querySelector("article.details h2")?.textContent).toBe("마윈");
    expect(root.querySelectorAll(".facts > li")).toHaveLength(2);
    expect(root.querySelector(".sources")?.textContent).toContain("연합뉴스");
    await click(root.querySelector('[aria-label="next_mention"]'));
    expect(c.jumps).toEqual(["jack-ma:next"]);
  });

  test("the knowledge-base tab finds an entity by an alias in another script", async () => {
    const root = await mount(connector({ url: "u", title: "t", total: 0, entities: [] }));
    await click(root.querySelectorAll("nav button")[1]!);
    const input = root.querySelector<HTMLInputElement>("input.search")!;
    await act(async () => {
      input.value = "馬雲";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect([...root.querySelectorAll<HTMLElement>(".entity-row")].map((b) => b.dataset.entity)).toEqual(["jack-ma"]);
  });
});
