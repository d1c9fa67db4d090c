/** Formatting shared by the card and the popup. Pure. */
import type { PublisherKind, VerificationStatus } from "../core/vocabulary";
import type { Citation } from "../kb/origins";

export type Lang = "ko" | "en";
type Translate = (name: string, ...subs: string[]) => string;

const EN_DATE: Record<number, Intl.DateTimeFormatOptions> = {
  1: { year: "numeric", timeZone: "UTC" },
  2: { year: "numeric", month: "short", timeZone: "UTC" },
  3: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
};

/** "2025-02-24" → "2025. 2. 24." (ko) or "Feb 24, 2025" (en); "2025-02" → "2025. 2." / "Feb 2025"; "2025" → "2025". */
export function formatDate(iso: string, lang: Lang = "ko"): string {
  const parts = iso.split("-").map(Number);
  if (lang === "en") {
    const [y = 0, m = 1, d = 1] = parts;
    return new Intl.DateTimeFormat("en-US", EN_DATE[parts.length]).format(new Date(Date.UTC(y, m - 1, d)));
  }
  return parts.join(". ") + (parts.length > 1 ? "." : "");
}

/** An inferred date in words: "2025년 9월 16일경", "2025년 9월경" (ko); "around Sep 16, 2025" (en). */
export function formatApproximateDate(iso: string, lang: Lang = "ko"): string {
  if (lang === "en") return `around ${formatDate(iso, "en")}`;
  const [y, m, d] = iso.split("-").map(Number);
  return `${[`${y}년`, m && `${m}월`, d && `${d}일`].filter(Boolean).join(" ")}경`;
}

const CURRENCY_LABEL: Record<string, string> = { CNY: "위안", KRW: "원", USD: "달러" };

/** 380000000000 CNY → "3800억 위안"; 18228000000 → "182억2800만 위안". */
export function formatAmount(amount: number, currency: string): string {
  const units: Array<[number, string]> = [
    [1e12, "조"],
    [1e8, "억"],
    [1e4, "만"],
  ];
  let rest = Math.round(amount);
  let out = "";
  for (const [size, name] of units) {
    const part = Math.floor(rest / size);
    if (part) out += `${part}${name}`;
    rest -= part * size;
  }
  if (rest || !out) out += String(rest);
  return `${out} ${CURRENCY_LABEL[currency] ?? currency}`;
}

/** What a source line needs: the original's publisher (named in both languages) and date. */
export type CitedSource = Pick<Citation, "publisher" | "date" | "dateApprox">;

/** "연합뉴스 · 2025. 2. 24." — publisher and date of a source, an inferred date said in words. */
export function sourceLabel(source: CitedSource, lang: Lang, undated: string): string {
  const date = source.date
    ? source.dateApprox
      ? formatApproximateDate(source.date, lang)
      : formatDate(source.date, lang)
    : undated;
  return `${source.publisher[lang]} · ${date}`;
}

/** A source kind worth telling the reader (1차 자료, 참고 자료, 블로그): news and agencies need no tag. */
export function sourceKindTag(kind: PublisherKind, t: Translate): string | null {
  return kind === "primary" || kind === "reference" || kind === "blog" ? t(`legend_kind_${kind}`) : null;
}

/**
 * Why a fact has its badge, in a few words beside it: how many independent reports, whose statement.
 * `primaryPublishers` names the company or regulator behind a 1차 자료 fact.
 */
export function statusExplanation(
  fact: { status: VerificationStatus; independentReports: number },
  primaryPublishers: string[],
  t: Translate,
): string {
  const reports = String(fact.independentReports);
  if (fact.status === "company")
    return t(
      fact.independentReports ? "status_company_explain" : "status_company_explain_unreported",
      primaryPublishers.join(", "),
      reports,
    );
  return t(`status_${fact.status.replace("-", "_")}_explain`, reports);
}
