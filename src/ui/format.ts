/** Formatting shared by the card and the popup. Pure. */

/** "2025-02-24" → "2025. 2. 24.", "2025-02" → "2025. 2.", "2025" → "2025". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return [y, m && String(Number(m)), d && String(Number(d))].filter(Boolean).join(". ") + (m ? "." : "");
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

/** "USD/CNY", 7.246 → "1달러 = 7.246위안". */
export function formatRate(pair: string, rate: number): string {
  const [base, quote] = pair.split("/");
  return `1${CURRENCY_LABEL[base!] ?? base} = ${rate}${CURRENCY_LABEL[quote!] ?? quote}`;
}

/** "연합뉴스 · 2025. 2. 24." — publisher and date of a source ("?" marks an inferred date). */
export function sourceLabel(
  source: { publisher: string; date: string | null; dateApprox?: boolean },
  undated: string,
): string {
  return `${source.publisher} · ${source.date ? formatDate(source.date) + (source.dateApprox ? "?" : "") : undated}`;
}

/** The badge's short explanation (shown on hover and focus): why a fact has its status. */
export function statusExplanation(
  fact: { status: string; independentSources: number; hasPrimary: boolean },
  t: (name: string, ...subs: string[]) => string,
): string {
  const why = t(`status_${fact.status.replace("-", "_")}_explain`, String(fact.independentSources));
  return fact.hasPrimary ? `${why}. ${t("status_primary_explain")}` : why;
}
