// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { App } from "../../../src/popup/App";
import { compileKnowledgeBase } from "../../../src/kb/compile";
import type { Connector } from "../../../src/popup/connector";
import type { PageMentions } from "../../../src/messages/protocol";
import type { Settings } from "../../../src/core/settings";
import { defaultSettings } from "../../../src/core/settings";
import { NEWS_SITES, SITE_KINDS } from "../../../src/sites/news-sites";

const kb = compileKnowledgeBase({
  version: "test",
  asOf: "2026-03-10",
  publishers: [{ id: "yonhap", names: { ko: "연합뉴스", en: "Yonhap News Agency" }, kind: "wire" }],
  sources: [{ id: "a", publisher: "yonhap", title: null, date: "2025-02-24", url: "https://example.org/a" }],
  entities: [
    {
      id: "jack-ma",
      type: "person",
      names: { ko: "마윈", en: "Jack Ma", zh: "马云" },
      aliases: ["마윈", "馬雲"],
      summary: { ko: "창업자", en: "founder" },
      facts: [
        { id: "f1", claim: { ko: "사실 하나", en: "one" }, date: "1999", sources: ["a"] },
        { id: "f2", claim: { ko: "사실 둘", en: "two" }, date: "2019", sources: ["a"] },
      ],
    },
    {
      id: "qwen",
      type: "product",
      names: { ko: "큐원", en: "Qwen" },
      aliases: ["큐원", "通义千问"],
      summary: { ko: "모델", en: "model" },
      facts: [
        { id: "f1", claim: { ko: "사실", en: "fact" }, date: "2023", sources: ["a"] },
        { id: "f2", claim: { ko: "사실 둘", en: "two" }, date: "2024", sources: ["a"] },
      ],
    },
  ],
  figures: {
    segments: [],
    speakers: {},
    figures: [
      {
        id: "ma-plan",
        entity: "jack-ma",
        fact: "f1",
        label: { ko: "마윈의 계획", en: "Ma's plan" },
        owners: ["jack-ma"],
        metric: "infra-plan",
        period: { from: "2025-02-24", to: "2028-02-23", ko: ["3년간"] },
        published: "2025-02-24",
        value: { amount: 380e9, currency: "CNY", precision: 1e8, qualifier: "at-least" },
        sources: ["a"],
      },
    ],
  },
});

type FakeConnector = Connector & { jumps: string[]; saved: Settings[]; accessRequests: string[]; runs: number };

/** An in-memory stand-in for the browser: settings storage with change events, a site, permission answers. */
const connector = (
  page: PageMentions | Error,
  options: {
    site?: Awaited<ReturnType<Connector["activeSite"]>>;
    grant?: boolean;
    entity?: string;
    /** What the page's script answers once "이 페이지에서 실행" injected it (an Error: the tab is not accessible). */
    ranPage?: PageMentions | Error;
    /** false: a browser without keyboard commands (Firefox for Android). */
    commands?: boolean;
  } = {},
): FakeConnector => {
  const jumps: string[] = [];
  const saved: Settings[] = [];
  const accessRequests: string[] = [];
  let current = defaultSettings();
  const listeners = new Set<(s: Settings) => void>();
  const fake: FakeConnector = {
    jumps,
    saved,
    accessRequests,
    runs: 0,
    runOnPage: async () => {
      fake.runs++;
      const ran = options.ranPage ?? new Error("no access");
      if (ran instanceof Error) throw ran;
      page = ran;
      return ran;
    },
    getPageMentions: () => (page instanceof Error ? Promise.reject(page) : Promise.resolve(page)),
    scrollToMention: async (entity, direction) => {
      jumps.push(`${entity}:${direction}`);
      return { index: 0, total: 1 };
    },
    showClaim: async (index) => {
      jumps.push(`claim:${index}`);
      return { index, total: 1 };
    },
    activeSite: async () =>
      options.site === undefined ? { host: "news.example.kr", builtIn: true, hasAccess: true } : options.site,
    loadSettings: async () => current,
    saveSettings: async (next) => {
      current = next;
      saved.push(next);
      for (const l of listeners) l(next);
    },
    watchSettings: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requestHostAccess: async (host) => {
      accessRequests.push(host);
      return options.grant ?? false;
    },
    shortcuts: async () =>
      options.commands === false ? null : { "next-mention": "Alt+Shift+J", "previous-mention": "Alt+Shift+K" },
    requestedEntity: async () => options.entity ?? null,
  };
  return fake;
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
    const root = await mount(connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true }));
    expect(root.textContent).toContain("page_empty");
  });

  test("says the page is unavailable when the content script does not answer", async () => {
    const root = await mount(connector(new Error("no receiver")));
    expect(root.textContent).toContain("page_unavailable");
  });

  test("groups the page's entities by type with counts; selecting one shows facts and sources; jump asks the page", async () => {
    const c = connector({
      url: "u",
      title: "t",
      total: 5,
      claims: [],
      enabled: true,
      entities: [
        { entity: "jack-ma", type: "person", count: 3, forms: ["마윈"] },
        { entity: "qwen", type: "product", count: 2, forms: ["큐원", "Qwen"] },
      ],
    });
    const root = await mount(c);
    const groups = [...root.querySelectorAll<HTMLElement>(".group")].map((g) => [
      g.dataset.type,
      g.querySelector(".entity-row .count")?.textContent,
    ]);
    expect(groups).toEqual([
      ["product", "2"],
      ["person", "3"],
    ]);
    await click(root.querySelector('[data-entity="jack-ma"]'));
    expect(root.querySelector("article.details h2")?.textContent).toBe("마윈");
    expect(root.querySelectorAll(".facts > li")).toHaveLength(2);
    expect(root.querySelector(".sources")?.textContent).toContain("연합뉴스");
    await click(root.querySelector('[aria-label="next_mention"]'));
    expect(c.jumps).toEqual(["jack-ma:next"]);
  });

  test("이 기사의 수치 점검 lists every checked amount with its verdict; a unit slip says what was meant", async () => {
    const c = connector({
      url: "u",
      title: "t",
      total: 2,
      entities: [],
      enabled: true,
      claims: [
        { text: "3800억 위안", verdict: "match", figure: "ma-plan", entity: "jack-ma", currency: "CNY" },
        {
          text: "3조8000억 위안",
          verdict: "unit-slip",
          figure: "ma-plan",
          entity: "jack-ma",
          currency: "CNY",
          intended: 380e9,
        },
      ],
    });
    const root = await mount(c);
    expect(root.querySelector("#claims-title")?.textContent).toBe("claim_list_title");
    const rows = [...root.querySelectorAll<HTMLElement>(".claim-row")];
    expect(rows.map((r) => [r.dataset.verdict, r.querySelector(".claim-amount")?.textContent])).toEqual([
      ["match", "3800억 위안"],
      ["unit-slip", "3조8000억 위안"],
    ]);
    expect(rows[0]!.textContent).toContain("마윈의 계획");
    expect(rows[1]!.querySelector(".claim-intended")?.textContent).toContain("claim_intended");
    expect(root.querySelector("[data-testid=figure-summary]")?.className).toContain("differs");
    await click(rows[1]!.querySelector(".claim-amount"));
    expect(c.jumps).toEqual(["claim:1"]);
    await click(rows[0]!.querySelector(".claim-figure"));
    expect(root.querySelector("article.details h2")?.textContent).toBe("마윈");
    expect(root.querySelector(".figures [data-figure=ma-plan]")?.textContent).toContain("claim_verified_value");
  });

  test("says nothing about figures when the page has no checked amount", async () => {
    const root = await mount(
      connector({
        url: "u",
        title: "t",
        total: 1,
        claims: [],
        enabled: true,
        entities: [{ entity: "jack-ma", type: "person", count: 1, forms: ["마윈"] }],
      }),
    );
    expect(root.querySelector("[data-testid=claims]")).toBeNull();
    expect(root.querySelector("[data-testid=figure-summary]")).toBeNull();
  });

  test("the knowledge-base tab finds an entity by an alias in another script", async () => {
    const root = await mount(connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true }));
    await click(root.querySelectorAll(".tabs button")[1]!);
    const input = root.querySelector<HTMLInputElement>("input.search")!;
    await act(async () => {
      input.value = "馬雲";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect([...root.querySelectorAll<HTMLElement>(".entity-row")].map((b) => b.dataset.entity)).toEqual(["jack-ma"]);
  });

  test("the page tab's previous/next buttons ask the page to jump to that entity's mentions", async () => {
    const c = connector({
      url: "u",
      title: "t",
      total: 1,
      claims: [],
      enabled: true,
      entities: [{ entity: "qwen", type: "product", count: 1, forms: ["큐원"] }],
    });
    const root = await mount(c);
    await click(root.querySelector('[data-jump="previous"]'));
    await click(root.querySelector('[data-jump="next"]'));
    expect(c.jumps).toEqual(["qwen:previous", "qwen:next"]);
  });

  test("a page where the reader turned Maekrak off says so, and the switch turns it back on", async () => {
    const c = connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: false });
    await c.saveSettings({ ...defaultSettings(), disabledSites: ["news.example.kr"] });
    const root = await mount(c);
    expect(root.querySelector('[data-testid="page-off"]')?.textContent).toBe("page_off");
    const toggle = root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!;
    expect(toggle.checked).toBe(false);
    await click(toggle);
    expect(c.saved.at(-1)!.disabledSites).toEqual([]);
    expect(c.accessRequests).toEqual([]); // a site on the news list needs no permission
  });

  test("turning on a site outside the news list asks for its permission; a refusal leaves it off and says why", async () => {
    const c = connector(
      { url: "u", title: "t", total: 0, entities: [], claims: [], enabled: false },
      { site: { host: "blog.example.com", builtIn: false, hasAccess: false }, grant: false },
    );
    const root = await mount(c);
    await click(root.querySelector('[data-testid="site-switch"]'));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(c.accessRequests).toEqual(["blog.example.com"]);
    expect(c.saved.at(-1)!.enabledSites).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("site_permission_denied");
  });

  test("settings: every control saves at once", async () => {
    const c = connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true }, { grant: true });
    const root = await mount(c);
    await click(root.querySelector("#tab-settings"));
    await click(root.querySelector('input[name="category"][value="person"]'));
    expect(c.saved.at(-1)!.categories.person).toBe(false);
    await click(root.querySelector('input[name="style"][value="underline"]'));
    expect(c.saved.at(-1)!.style).toBe("underline");
    await click(root.querySelector('input[name="density"][value="first"]'));
    expect(c.saved.at(-1)!.density).toBe("first");
    const delay = root.querySelector<HTMLInputElement>("#hover-delay")!;
    await act(async () => {
      delay.value = "600";
      delay.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(c.saved.at(-1)!.hoverDelayMs).toBe(600);
    const hold = root.querySelector<HTMLSelectElement>("#hold-key")!;
    await act(async () => {
      hold.value = "Alt";
      hold.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(c.saved.at(-1)!).toMatchObject({
      holdKey: "Alt",
      style: "underline",
      density: "first",
      categories: { person: false },
    });
    // Adding a site by name asks for its permission and records it.
    const host = root.querySelector<HTMLInputElement>("#add-site-host")!;
    await act(async () => {
      host.value = "https://Blog.Example.com/news/1";
      host.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLFormElement>("form.add-site")!.requestSubmit();
    });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(c.accessRequests).toEqual(["blog.example.com"]);
    expect(c.saved.at(-1)!.enabledSites).toEqual(["blog.example.com"]);
    expect(root.querySelector(".site-list")?.textContent).toContain("blog.example.com");
    expect(root.querySelector(".shortcuts")?.textContent).toContain("Alt+Shift+J");
  });

  test("settings: tap to open and what a tap on a link mention does are saved; off disables the link choice", async () => {
    const c = connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true });
    const root = await mount(c);
    await click(root.querySelector("#tab-settings"));
    const tap = root.querySelector<HTMLInputElement>("#tap-to-open")!;
    expect(tap.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name="link-tap"][value="follow"]')!.checked).toBe(true);
    await click(root.querySelector('input[name="link-tap"][value="card"]'));
    expect(c.saved.at(-1)!.linkTap).toBe("card");
    await click(tap);
    expect(c.saved.at(-1)!).toMatchObject({ tapToOpen: false, linkTap: "card" });
    expect(root.querySelector('input[name="link-tap"]')!.closest("fieldset")!.disabled).toBe(true);
  });

  test("a browser without keyboard commands (Firefox for Android): no shortcut section, the rest works", async () => {
    const c = connector(
      { url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true },
      { commands: false },
    );
    const root = await mount(c);
    await click(root.querySelector("#tab-settings"));
    expect(root.querySelector(".shortcuts")).toBeNull();
    expect(root.querySelector("#settings-keys")).toBeNull();
    await click(root.querySelector('input[name="style"][value="underline"]'));
    expect(c.saved.at(-1)!.style).toBe("underline");
  });

  test("tabs follow the ARIA pattern: arrow keys move between them", async () => {
    const root = await mount(connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true }));
    const tablist = root.querySelector('[role="tablist"]')!;
    await act(async () => {
      tablist.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    });
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.id).toBe("tab-kb");
    await act(async () => {
      tablist.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    });
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.id).toBe("tab-settings");
    expect(root.querySelector("#hover-delay")).not.toBeNull();
  });

  test('"more in the popup" opens on the requested entity', async () => {
    const root = await mount(
      connector({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true }, { entity: "qwen" }),
    );
    expect(root.querySelector("article.details")?.getAttribute("data-entity")).toBe("qwen");
  });

  const outside = { host: "blog.example.com", builtIn: false, hasAccess: false };
  const qwenPage: PageMentions = {
    url: "https://blog.example.com/a",
    title: "t",
    total: 2,
    enabled: true,
    claims: [],
    entities: [{ entity: "qwen", type: "product", count: 2, forms: ["큐원"] }],
  };

  test("outside the news list, 이 페이지에서 실행 runs the page's script at once: no permission asked, no setting saved", async () => {
    const c = connector(new Error("no script on the page"), { site: outside, ranPage: qwenPage });
    const root = await mount(c);
    expect(root.querySelector('[data-testid="site-switch"]')?.parentElement?.textContent).toBe("run_always");
    // Not "Maekrak does not run here": the button says what can be done.
    expect(root.textContent).not.toContain("page_unavailable");
    await click(root.querySelector('[data-testid="run-here"]'));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(c.runs).toBe(1);
    expect(c.accessRequests).toEqual([]);
    expect(c.saved).toEqual([]);
    expect(root.querySelector('[data-testid="page-total"]')).not.toBeNull();
    expect(root.querySelector('[data-entity="qwen"] [data-testid="count"]')?.textContent).toBe("2");
    // Running: the button gives way to the note that it lasts for this page only.
    expect(root.querySelector('[data-testid="run-here"]')).toBeNull();
    expect(root.querySelector('[data-testid="run-here-active"]')?.textContent).toBe("run_here_active");
  });

  test("이 페이지에서 실행 says so when the tab cannot be reached, and keeps the button", async () => {
    const c = connector(new Error("no script on the page"), { site: outside });
    const root = await mount(c);
    await click(root.querySelector('[data-testid="run-here"]'));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="run-here-failed"]')?.textContent).toBe("run_failed");
    expect(root.querySelector<HTMLButtonElement>('[data-testid="run-here"]')?.disabled).toBe(false);
  });

  test("no 이 페이지에서 실행 on a default site, nor where the reader already turned the site on", async () => {
    const page = { url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true };
    expect((await mount(connector(page))).querySelector('[data-testid="run-here"]')).toBeNull();
    const c = connector(page, { site: { ...outside, hasAccess: true } });
    await c.saveSettings({ ...defaultSettings(), enabledSites: [outside.host] });
    expect((await mount(c)).querySelector('[data-testid="run-here"]')).toBeNull();
  });

  test("settings list every default site by kind, with the current one marked", async () => {
    const c = connector(
      { url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true },
      { site: { host: "biz.chosun.com", builtIn: true, hasAccess: false } },
    );
    const root = await mount(c);
    await click(root.querySelector("#tab-settings"));
    const items = [...root.querySelectorAll(".default-site-list li")];
    expect(items).toHaveLength(NEWS_SITES.length);
    expect(root.querySelectorAll(".default-sites [data-kind]")).toHaveLength(SITE_KINDS.length);
    const current = root.querySelectorAll('.default-site-list li[aria-current="true"]');
    expect(current).toHaveLength(1);
    // Outside a browser the UI language is unknown, so names are in English; hosts are written without "*.".
    expect(current[0]!.textContent).toBe("The Chosun Ilbochosun.com");
  });
});

describe("popup: every number labelled, colours and keys explained", () => {
  const page: PageMentions = {
    url: "u",
    title: "t",
    total: 5,
    claims: [],
    enabled: true,
    entities: [
      { entity: "jack-ma", type: "person", count: 3, forms: ["마윈"] },
      { entity: "qwen", type: "product", count: 2, forms: ["큐원"] },
    ],
  };

  test("counts on this page say what they count; the knowledge base's numbers say they are facts", async () => {
    const root = await mount(connector(page));
    const row = root.querySelector('[data-entity="jack-ma"]')!;
    expect(row.querySelector(".tally")?.getAttribute("title")).toBe("count_mentions");
    expect(row.querySelector(".unit")?.textContent).toBe("count_unit");
    expect(root.querySelector('.group[data-type="person"] .group-count')?.textContent).toBe("count_mentions");
    await click(root.querySelector("#tab-kb"));
    const kbRow = root.querySelector('[data-entity="jack-ma"]')!;
    expect(kbRow.querySelector(".fact-count")?.textContent).toBe("kb_fact_count");
    expect(kbRow.querySelector(".count")).toBeNull();
  });

  test("색과 단축키: the five highlight colours from the page's palette, and the keys of the page and the card", async () => {
    const root = await mount(connector(page));
    const keys = root.querySelector('[data-testid="colour-keys"]')!;
    const kinds = [...keys.querySelectorAll<HTMLElement>(".colours li")].map((li) => li.dataset.kind);
    expect(kinds).toEqual(["organization", "product", "person", "figure", "differs"]);
    const swatch = keys.querySelector<HTMLElement>(".swatch.organization")!;
    expect(swatch.style.getPropertyValue("--fill")).toBe("rgba(255, 196, 0, 0.32)");
    expect(keys.querySelector(".shortcuts")?.textContent).toContain("Alt+Shift+J");
    expect(keys.querySelector(".shortcuts")?.textContent).toContain("Esc");
  });

  test("without keyboard commands the legend still lists the card's own keys", async () => {
    const root = await mount(connector(page, { commands: false }));
    const text = root.querySelector('[data-testid="colour-keys"] .shortcuts')?.textContent ?? "";
    expect(text).not.toContain("Alt+Shift+J");
    expect(text).toContain("Esc");
  });
});
