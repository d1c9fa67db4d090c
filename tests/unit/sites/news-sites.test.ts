/** The default sites: one list of outlets, from which the content-script matches are made. */
import { describe, expect, test } from "vitest";
import { onBuiltInList } from "../../../src/core/settings";
import {
  contentScriptMatches,
  LOCAL_TEST_PATTERNS,
  NEWS_SITES,
  readSiteList,
  SiteListError,
  siteForHost,
} from "../../../src/sites/news-sites";
import { REQUIRED_HOSTS } from "../../support/news-hosts";

const release = contentScriptMatches(NEWS_SITES, false);
const runsOn = (url: string) => onBuiltInList(release, new URL(url));

describe("default sites", () => {
  test("at least 60 outlets, each named in Korean and English", () => {
    expect(NEWS_SITES.length).toBeGreaterThanOrEqual(60);
    for (const site of NEWS_SITES) {
      expect(site.ko.trim(), site.en).not.toBe("");
      expect(site.en.trim(), site.ko).not.toBe("");
    }
  });

  test.each(REQUIRED_HOSTS)(
    "the release build runs on %s, its article pages and (for a domain) its subdomains",
    (host) => {
      expect(runsOn(`https://${host}/article/1`)).toBe(true);
      expect(runsOn(`http://${host}/`)).toBe(true);
      expect(siteForHost(NEWS_SITES, host)).toBeDefined();
      // A host the issue names with a subdomain (news.kbs.co.kr) is that host, not its parent domain's every site.
      if (host.split(".").length > (host.endsWith(".co.kr") ? 3 : 2)) {
        const parent = host.slice(host.indexOf(".") + 1);
        if (!siteForHost(NEWS_SITES, parent)) expect(runsOn(`https://${parent}/`), parent).toBe(false);
      } else expect(runsOn(`https://www.${host}/a`)).toBe(true);
    },
  );

  test("a domain entry covers the domain itself and every subdomain; a host entry only itself", () => {
    expect(runsOn("https://chosun.com/")).toBe(true);
    expect(runsOn("https://biz.chosun.com/it/2025/02/24/")).toBe(true);
    expect(runsOn("https://n.news.naver.com/mnews/article/001/1")).toBe(true);
    expect(runsOn("https://m.news.naver.com/")).toBe(true);
    expect(runsOn("https://news.kbs.co.kr/news/view.do")).toBe(true);
    expect(runsOn("https://kbs.co.kr/")).toBe(false);
    expect(runsOn("https://www.kbs.co.kr/")).toBe(false);
    expect(runsOn("https://naver.com/")).toBe(false);
    expect(runsOn("https://notchosun.com/")).toBe(false);
    expect(runsOn("https://chosun.com.example.org/")).toBe(false);
    expect(runsOn("ftp://chosun.com/")).toBe(false);
  });

  test("the release matches have no local host; the test build adds exactly 127.0.0.1 and localhost", () => {
    for (const pattern of release) expect(pattern).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]/);
    expect(runsOn("http://127.0.0.1:8080/sample-news.html")).toBe(false);
    expect(runsOn("http://localhost/")).toBe(false);
    const test = contentScriptMatches(NEWS_SITES, true);
    expect(test).toEqual([...release, ...LOCAL_TEST_PATTERNS]);
    expect(onBuiltInList(test, new URL("http://127.0.0.1:8080/sample-news.html"))).toBe(true);
  });

  test("an invalid list fails, naming the outlet and the field", () => {
    const site = { kind: "national", ko: "가나일보", en: "Gana Ilbo", hosts: ["*.gana.kr"] };
    const fails = (sites: unknown[]) => {
      try {
        readSiteList({ sites });
      } catch (error) {
        expect(error).toBeInstanceOf(SiteListError);
        return (error as SiteListError).problems;
      }
      throw new Error("accepted an invalid list");
    };
    expect(fails([{ ...site, en: " " }])).toEqual(["sites[0].en (가나일보): must not be empty"]);
    expect(fails([{ ...site, hosts: ["https://gana.kr/"] }])[0]).toMatch(
      /^sites\[0\]\.hosts\[0\] \(가나일보\): must be/,
    );
    expect(fails([{ ...site, hosts: ["*.Gana.kr"] }])[0]).toMatch(/^sites\[0\]\.hosts\[0\] \(가나일보\)/);
    expect(fails([{ ...site, hosts: [] }])).toEqual(["sites[0].hosts (가나일보): an outlet needs at least one host"]);
    expect(fails([{ ...site, kind: "blog" }])[0]).toMatch(/^sites\[0\]\.kind \(가나일보\)/);
    expect(fails([site, { ...site, ko: "다라일보" }])).toEqual([
      "sites[1].hosts[0] (다라일보): *.gana.kr is listed twice",
    ]);
    expect(fails([site, { ...site, ko: "가나경제", hosts: ["biz.gana.kr"] }])).toEqual([
      "sites[1].hosts[0] (가나경제): biz.gana.kr is already covered by *.gana.kr (가나일보)",
    ]);
    expect(readSiteList({ sites: [site, { ...site, ko: "가나뉴스", hosts: ["news.gana.com"] }] })).toHaveLength(2);
  });
});
