/**
 * The verification rules, each one a reader can be told in a line (the legend says them):
 *   교차 확인 (corroborated)  two or more independent, dated reports by news outlets or agencies — different
 *                             publishers and groups, neither copying the other, the company's own statements and
 *                             outlets it owns aside.
 *   1차 자료 (company)        the company's or a regulator's own statement, with how many independent reports carried it.
 *   단일 출처 (single-source)  one such report.
 *   출처 간 차이 (disputed)     a dated report or a primary source gives a different account.
 * Conversions, rounding within the stated precision and spellings are notation (표기 차이), never a dispute; a source
 * whose own version contradicts the claim does not support it; undated sources, blogs and reference works do not
 * corroborate. Pure.
 */
import type { VerificationStatus } from "../core/vocabulary.ts";
import type { Origin } from "./origins.ts";

export type StatusResult = {
  status: VerificationStatus;
  /** Independent dated reports by news outlets or agencies among the supporters (one per group). */
  independentReports: number;
};

/** A dated report by a news outlet or a news agency: the only kind of source that corroborates. */
export const isReport = (origin: Origin): boolean =>
  (origin.kind === "news" || origin.kind === "wire") && origin.dated && !origin.ownedBySubject;

/** What can put a claim in dispute: a dated report, or the company's or a regulator's own statement. */
export const canDispute = (origin: Origin): boolean => isReport(origin) || origin.kind === "primary";

/** Reports counted once per voice: copies are already merged into their original, outlets of a group into one. */
export function independentReports(origins: readonly Origin[]): number {
  return new Set(origins.filter(isReport).map((o) => o.voice)).size;
}

/**
 * The status of a claim from the origins that support it and those that give a different account (copies and
 * rewrites already resolved to their originals; a source that contradicts the claim is not among the supporters).
 */
export function verificationStatus(supporting: readonly Origin[], contradicting: readonly Origin[]): StatusResult {
  const reports = independentReports(supporting);
  if (contradicting.some(canDispute)) return { status: "disputed", independentReports: reports };
  if (supporting.some((o) => o.kind === "primary")) return { status: "company", independentReports: reports };
  return { status: reports >= 2 ? "corroborated" : "single-source", independentReports: reports };
}

/** True when the claim stands on the company's statement or on independent reports, so a slip can be called one. */
export const isEstablished = (result: StatusResult): boolean =>
  result.status === "company" || result.status === "corroborated";

/** The place value of a number's last significant digit: 39 800 000 000 → 1e8, 32.65 → 0.01, 7 → 1. */
export function precisionOf(amount: number): number {
  const [whole = "0", fraction = ""] = String(Math.abs(amount)).split(".");
  if (fraction) return 10 ** -fraction.length;
  const zeros = whole.length - whole.replace(/0+$/, "").length;
  return whole === "0" ? 1 : 10 ** zeros;
}

/** True when one amount is the other rounded to its own precision: 2802억 for 2801억5400만, 33 % for 32.65 %. */
export function isRounding(a: number, b: number): boolean {
  const roundsTo = (x: number, y: number) => {
    const step = precisionOf(y);
    return Math.abs(Math.round(x / step) * step - y) <= step * 1e-9;
  };
  return roundsTo(a, b) || roundsTo(b, a);
}

/** The same amount converted at another day's rate differs by a little: more than this is not a conversion. */
export const SAME_CURRENCY_CONVERSION_SPREAD = 0.02;
