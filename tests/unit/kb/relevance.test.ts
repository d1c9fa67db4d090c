/**
 * A card's first facts are the page's: ranking an entity's facts by what the page quotes, names and talks about,
 * on small made-up facts and on the shipped knowledge base with the sample article's own text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { rankByPage, relevance, topicWords } from "../../../src/kb/relevance";
import { currentFacts } from "../../../src/kb/timeline";

const claim = (id: string, ko: string, en = "") => ({ id, claim: { ko, en } });
const none = { names: [], figureFacts: [], context: "" };

describe("ranking facts by the page", () => {
  const facts = [
    claim("founded", "1999년 항저우에서 마윈 등 18명이 창업했다."),
    claim("ipo", "2014년 뉴욕증시에 상장했다."),
    claim("capex", "2025년 2월 3년간 3800억 위안을 클라우드와 AI 인프라에 투자한다고 밝혔다."),
    claim("ceo", "우융밍이 CEO를 맡고 있다."),
  ];

  test("with nothing from the page, the knowledge base's order stands", () => {
    expect(rankByPage(facts, none).map((f) => f.id)).toEqual(["founded", "ipo", "capex", "ceo"]);
  });

  test("a fact stating a figure the page quotes comes first", () => {
    const ranked = rankByPage(facts, { ...none, figureFacts: ["capex"], names: ["마윈"] });
    expect(ranked.map((f) => f.id)).toEqual(["capex", "founded", "ipo", "ceo"]);
  });

  test("facts naming who the page names come next, however the page spaces the name", () => {
    const ranked = rankByPage(facts, { ...none, names: ["우 융밍"] });
    expect(ranked[0]!.id).toBe("ceo");
  });

  test("a name in the mention's own paragraph counts more than one named elsewhere on the page", () => {
    const page = { names: ["우융밍", "마윈"], figureFacts: [], context: "마윈은 이날 좌담회에 나왔다." };
    expect(rankByPage(facts, page)[0]!.id).toBe("founded");
    expect(relevance(facts[0]!, page)).toBeGreaterThan(relevance(facts[3]!, page));
  });

  test("then the paragraph's words: an article on cloud spending lifts the spending fact", () => {
    const page = { ...none, context: "알리바바는 클라우드 인프라 투자를 늘린다고 밝혔다." };
    expect(rankByPage(facts, page)[0]!.id).toBe("capex");
    expect(relevance(facts[1]!, page)).toBe(0);
  });

  test("topic words drop a trailing particle and ignore one-syllable words", () => {
    expect(topicWords("클라우드와 AI를 키운다 알리바바는")).toEqual(["클라우드", "키운", "알리바바"]);
  });
});

describe("the shipped knowledge base on the sample article", () => {
  const kb = loadKnowledgeBase();
  const html = readFileSync(join(import.meta.dirname, "../../fixtures/pages/sample-news.html"), "utf8");
  const paragraph = html.match(/<p>알리바바는 지난 2월 24일[^<]*<\/p>/)![0];

  test("on an article about the 3800억 위안 plan, 알리바바's card leads with AI spending, not the 1999 founding", () => {
    const group = kb.entities.find((e) => e.id === "alibaba-group")!;
    const ranked = rankByPage(currentFacts(group.facts), { names: ["큐원3"], figureFacts: [], context: paragraph });
    expect(ranked[0]!.id).not.toBe("founded-1999");
    expect(ranked.slice(0, 3).map((f) => f.id)).toContain("ai-investment-tally-2025");
  });

  test("the capex card leads with the fact that states the quoted figure", () => {
    const capex = kb.entities.find((e) => e.id === "capex-380b")!;
    const figure = kb.figures.find((f) => f.entity === "capex-380b" && f.fact)!;
    const ranked = rankByPage(currentFacts(capex.facts), { names: [], figureFacts: [figure.fact!], context: "" });
    expect(ranked[0]!.id).toBe(figure.fact);
  });
});
