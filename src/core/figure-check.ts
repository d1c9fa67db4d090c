/**
 * Compares one amount with one verified figure, once the claim reader has attributed the amount to it: the
 * same value within the precision each states (`match`), the value converted at a sourced exchange rate of
 * the right dates or as a documented report (`conversion`), off by a power of ten (`unit-slip`), or another
 * value (`differs`); `near` for an amount too close to call (a loose rounding, a lower bound the figure
 * meets), which the reader leaves unmarked. Conversions are derived from the rate table, never typed. Pure.
 */
import type { MoneyAmount } from "./money.ts";
import type { Currency } from "./vocabulary.ts";

export type FigureValue = {
  amount: number;
  currency: Currency;
  /** The place of the last digit the figure is stated to (1e8: to the 억). */
  precision: number;
  qualifier: "exact" | "at-least" | "about";
};

/** A value a source reported for the figure that the rates do not give (a loose conversion, another count). */
export type ReportedValue = { amount: number; currency: Currency; qualifier?: "exact" | "at-least" | "about" };

/** One sourced exchange rate: 1 `base` = `rate` `quote` on `date`. */
export type Rate = { id: string; base: Currency; quote: Currency; rate: number; date: string };

export type CheckResult =
  | { verdict: "match" }
  | { verdict: "conversion"; rate?: string; reported?: number }
  | { verdict: "unit-slip"; intended: number; rate?: string }
  | { verdict: "differs"; rate?: string }
  | { verdict: "near" }
  | { verdict: "none" };

type Window = { lo: number; hi: number };

/** The place value of the last non-zero digit (3800억 → 100억, 2802억 → 1억, 74조5484억 → 1억). */
export function lastDigitPlace(value: number): number {
  let n = Math.round(Math.abs(value));
  if (n === 0) return 1;
  let place = 1;
  while (n % 10 === 0 && place < 1e15) {
    n /= 10;
    place *= 10;
  }
  return place;
}

/**
 * What an amount says, as an interval: a stated number covers its rounding and its truncation (2801억 for
 * 2801억5400만), never more than 2.5 % either way (4000억 is not "about 3800억"); 약, 가량 and the like widen it
 * to a unit, at most 3 %; a range covers both ends.
 */
export function claimWindow(amount: Pick<MoneyAmount, "value" | "max" | "qualifier">): Window {
  const { value, max, qualifier } = amount;
  if (qualifier === "range") return { lo: value - lastDigitPlace(value) / 2, hi: max + lastDigitPlace(max) / 2 };
  const unit = lastDigitPlace(value);
  if (qualifier === "about") {
    const tolerance = Math.max(Math.min(unit / 2, 0.025 * value), Math.min(unit, 0.03 * value));
    return { lo: value - tolerance, hi: value + tolerance };
  }
  return { lo: value - Math.min(unit / 2, 0.025 * value), hi: value + Math.min(unit, 0.025 * value) };
}

const overlaps = (a: Window, b: Window) => a.lo <= b.hi && b.lo <= a.hi;
const gap = (a: Window, b: Window) => Math.max(0, b.lo - a.hi, a.lo - b.hi);
const scale = (w: Window, factor: number): Window => ({ lo: w.lo * factor, hi: w.hi * factor });

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`) / DAY_MS;

type Factors = ReadonlyArray<{ factor: number; rate: string }>;
/** Per rate table, the factors already worked out (every amount of a page asks for the same few). */
const factorsByTable = new WeakMap<readonly Rate[], Map<string, Factors>>();

/** Factors from `from` to `to` given by the rates dated in [start, end] (directly, inverted, or through USD). */
export function conversionFactors(
  rates: readonly Rate[],
  from: Currency,
  to: Currency,
  start: string,
  end: string,
): Factors {
  let known = factorsByTable.get(rates);
  if (!known) factorsByTable.set(rates, (known = new Map()));
  const key = `${from} ${to} ${start} ${end}`;
  let factors = known.get(key);
  if (!factors) known.set(key, (factors = factorsFor(rates, from, to, start, end)));
  return factors;
}

function factorsFor(rates: readonly Rate[], from: Currency, to: Currency, start: string, end: string): Factors {
  const lo = dayOf(start) - 31;
  const hi = dayOf(end) + 31;
  const pick = (a: Currency, b: Currency) => {
    const dated = rates.filter((r) => (r.base === a && r.quote === b) || (r.base === b && r.quote === a));
    const inWindow = dated.filter((r) => dayOf(r.date) >= lo && dayOf(r.date) <= hi);
    // Outside the window only the nearest rate within a year of it stands in, else nothing is derived.
    const chosen = inWindow.length
      ? inWindow
      : dated
          .map((r) => ({ r, distance: Math.min(Math.abs(dayOf(r.date) - lo), Math.abs(dayOf(r.date) - hi)) }))
          .filter(({ distance }) => distance <= 366)
          .sort((x, y) => x.distance - y.distance)
          .slice(0, 1)
          .map(({ r }) => r);
    return chosen.map((r) => ({ factor: r.base === a ? r.rate : 1 / r.rate, rate: r.id }));
  };
  const direct = pick(from, to);
  if (direct.length || from === "USD" || to === "USD") return direct;
  const viaDollar: Array<{ factor: number; rate: string }> = [];
  for (const first of pick(from, "USD"))
    for (const second of pick("USD", to))
      viaDollar.push({ factor: first.factor * second.factor, rate: `${first.rate}+${second.rate}` });
  return viaDollar;
}

/** Slack for the days between a rate's date and the article's, and for the source's own rounding. */
const RATE_SLACK = 0.005;
/** Below these relative gaps an amount is too close to call differing (a loose rounding). */
const NEAR_SAME_CURRENCY = 0.005;
const NEAR_ABOUT = 0.1;
const NEAR_CONVERSION = 0.08;
const SLIP_POWERS = [1, 2, 3, 4];

export type CheckContext = {
  /**
   * The figure is a measured lower bound ("more than $3.3bn" in a tally): a higher amount is consistent with it.
   * A plan's minimum (최소 3800억 위안) is not: the plan is that number, and 4000억 misstates it.
   */
  lowerBound?: boolean;
  rates: readonly Rate[];
  /** When the figure became public: conversions use rates from then to the page's date. */
  published: string;
  /** The page's date, or (unknown) the knowledge base's as-of date: the last date a rate can be from. */
  until: string;
};

export function checkAmount(
  amount: MoneyAmount,
  figure: FigureValue,
  reported: readonly ReportedValue[],
  context: CheckContext,
): CheckResult {
  const claim = claimWindow(amount);
  const v = figure.amount;
  const own: Window = { lo: v - figure.precision / 2, hi: v + figure.precision / 2 };
  const boundOk = (target: Window) =>
    // "3000억 위안 이상" is true of 3800억 but does not state it; "최대 5조 원" likewise of 3조.
    (amount.qualifier === "at-least" && claim.lo <= target.hi) ||
    (amount.qualifier === "at-most" && claim.hi >= target.lo) ||
    (context.lowerBound === true && claim.lo >= target.lo);

  if (amount.currency === figure.currency) {
    if (overlaps(claim, own)) return { verdict: "match" };
    const sameCurrencyReports = reported.filter((r) => r.currency === figure.currency);
    const spread = [v, ...sameCurrencyReports.map((r) => r.amount)];
    if (
      sameCurrencyReports.length &&
      overlaps(claim, { lo: Math.min(...spread) * 0.99, hi: Math.max(...spread) * 1.01 })
    )
      return { verdict: "near" };
    const slip = unitSlip(claim, own, amount.value);
    if (slip) return { verdict: "unit-slip", intended: slip };
    if (farOff(claim, own)) return { verdict: "none" };
    if (boundOk(own)) return { verdict: "near" };
    const near = amount.qualifier === "about" ? NEAR_ABOUT : Math.max(NEAR_SAME_CURRENCY, figure.precision / v);
    return gap(claim, own) / v <= near ? { verdict: "near" } : { verdict: "differs" };
  }

  const factors = conversionFactors(context.rates, figure.currency, amount.currency, context.published, context.until);
  // A documented report is read as stated (its own rounding, its bound), never widened by 약.
  const documented = reported.findIndex(
    (r) =>
      r.currency === amount.currency &&
      overlaps(
        claim,
        claimWindow({ value: r.amount, max: r.amount, qualifier: r.qualifier === "at-least" ? "at-least" : "exact" }),
      ),
  );
  if (!factors.length) return documented >= 0 ? { verdict: "conversion", reported: documented } : { verdict: "none" };
  const converted = factors.map(({ factor, rate }) => ({ value: v * factor, rate }));
  const derived: Window = {
    lo:
      Math.min(...converted.map((c) => c.value)) * (1 - RATE_SLACK) -
      (figure.precision / 2) * Math.min(...factors.map((f) => f.factor)),
    hi:
      Math.max(...converted.map((c) => c.value)) * (1 + RATE_SLACK) +
      (figure.precision / 2) * Math.max(...factors.map((f) => f.factor)),
  };
  const closest = (target: number) =>
    converted.reduce((best, c) => (Math.abs(c.value - target) < Math.abs(best.value - target) ? c : best)).rate;
  if (overlaps(claim, derived)) return { verdict: "conversion", rate: closest(amount.value) };
  if (documented >= 0) return { verdict: "conversion", reported: documented };
  const slip = unitSlip(claim, derived, amount.value);
  if (slip) return { verdict: "unit-slip", intended: slip, rate: closest(slip) };
  if (farOff(claim, derived)) return { verdict: "none" };
  if (boundOk(derived)) return { verdict: "near" };
  const center = (derived.lo + derived.hi) / 2;
  const near = amount.qualifier === "about" ? NEAR_ABOUT + NEAR_CONVERSION / 2 : NEAR_CONVERSION;
  return gap(claim, derived) / center <= near
    ? { verdict: "near" }
    : { verdict: "differs", rate: closest(amount.value) };
}

/**
 * More than FAR_OFF times off either way, and no slip of a power of ten: another quantity read against the figure
 * (a share price, one deal beside a total), not a misstatement of it. Nothing is said.
 */
const FAR_OFF = 5;
const farOff = (claim: Window, target: Window): boolean =>
  claim.hi * FAR_OFF < target.lo || claim.lo > target.hi * FAR_OFF;

/** The amount the article most likely meant when it is the figure off by 10ⁿ (53억 달러 for 530억 달러). */
function unitSlip(claim: Window, target: Window, value: number): number | null {
  for (const power of SLIP_POWERS) {
    for (const factor of [10 ** power, 10 ** -power]) {
      if (overlaps(scale(claim, factor), target)) return value * factor;
    }
  }
  return null;
}
