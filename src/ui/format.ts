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

/** A date in words: "2026년 9월", "2025년 9월 16일" (ko); "Sep 2026", "Sep 16, 2025" (en). */
export function formatDateInWords(iso: string, lang: Lang = "ko"): string {
  if (lang === "en") return formatDate(iso, "en");
  const [y, m, d] = iso.split("-").map(Number);
  return [`${y}년`, m && `${m}월`, d && `${d}일`].filter(Boolean).join(" ");
}

/** When a fact holds: "2026년 9월 기준" for one that can go stale (its as-of date), else its own date. */
export function factDateLabel(fact: { date: string; asOf?: string }, lang: Lang, t: Translate): string {
  return fact.asOf ? t("as_of", formatDateInWords(fact.asOf, lang)) : formatDate(fact.date, lang);
}

/** An inferred date in words: "2025년 9월 16일경", "2025년 9월경" (ko); "around Sep 16, 2025" (en). */
export function formatApproximateDate(iso: string, lang: Lang = "ko"): string {
  return lang === "en" ? `around ${formatDate(iso, "en")}` : `${formatDateInWords(iso, "ko")}경`;
}

const CURRENCY_LABEL: Record<string, string> = { CNY: "위안", KRW: "원", USD: "달러" };

/** 380000000000 CNY → "3800억 위안" (ko) or "380 billion yuan" (en); 18228000000 → "182억2800만 위안". */
export function formatAmount(amount: number, currency: string, lang: Lang = "ko"): string {
  if (lang === "en") return formatAmountEn(amount, currency);
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

const EN_SCALES: Array<[number, string]> = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];
/** How English writes an amount in a currency: a sign before it, or the currency's name after it. */
const EN_CURRENCY: Record<string, { sign?: string; name?: string }> = {
  CNY: { name: "yuan" },
  KRW: { sign: "₩" },
  USD: { sign: "$" },
};

/** "380 billion yuan", "₩75 trillion", "$53 billion", "$4.35 billion", "₩1,450": words for large scales. */
function formatAmountEn(amount: number, currency: string): string {
  const [size, word] = EN_SCALES.find(([scale]) => Math.abs(amount) >= scale) ?? [1, ""];
  const digits = new Intl.NumberFormat("en-US", { maximumFractionDigits: size === 1 ? 4 : 3 }).format(amount / size);
  const number = word ? `${digits} ${word}` : digits;
  const style = EN_CURRENCY[currency] ?? { name: currency };
  return style.sign ? `${style.sign}${number}` : `${number} ${style.name}`;
}

/** "USD/CNY", 7.246 → "1달러 = 7.246위안" (ko) or "$1 = 7.246 yuan" (en). */
export function formatRate(pair: string, rate: number, lang: Lang = "ko"): string {
  const [base, quote] = pair.split("/") as [string, string];
  if (lang === "en") return `${formatAmountEn(1, base)} = ${formatAmountEn(rate, quote)}`;
  return `1${CURRENCY_LABEL[base] ?? base} = ${rate}${CURRENCY_LABEL[quote] ?? quote}`;
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
