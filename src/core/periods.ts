/**
 * Periods as Korean (and English) articles name them — 3년간, 향후 3년, 2021년, 지난해 4분기, 10~12월 분기,
 * 2025 회계연도 3분기, 12월 분기, 2021년 4월 10일 — read from text with word boundaries (the 3년 inside
 * 2023년 is not a span), then compared with a figure's period, resolved against the page's date when it is
 * known. Pure.
 */

export type DateRange = { from: string; to: string };

type Relative = -1 | 0 | 1;
/** A calendar year named outright or relative to the page's year (지난해 = -1, 올해 = 0, 내년 = 1). */
type YearRef = { year?: number; relative?: Relative };

export type PeriodRead = { start: number; end: number; text: string } & (
  | { kind: "span"; months: number; direction: "future" | "past" | "unknown" }
  | ({ kind: "quarter"; quarter: number; basis: "calendar" | "fiscal" | "either" } & YearRef)
  | ({ kind: "months"; fromMonth: number; toMonth: number } & YearRef)
  | ({ kind: "year" } & YearRef)
  | { kind: "fiscal-year"; year: number }
  /** month 0: the page's month ("지난 20일"), or the one before when that day has not come yet. */
  | ({ kind: "day"; month: number; day?: number } & YearRef)
  /** The same period a year or a quarter before (전년 동기, 1년 전): never the figure's own. */
  | { kind: "prior" }
  | { kind: "since"; year: number; month: number }
);

/** A figure's period: its dates, when it became public, and its issuer's first fiscal month (Alibaba: April). */
export type FigurePeriod = DateRange & { published: string; fiscalStartMonth: number };

export type Agreement = "agree" | "unknown" | "conflict";

const YEAR_WORDS: Record<string, Relative> = {
  지난해: -1,
  작년: -1,
  전년: -1,
  올해: 0,
  올: 0,
  금년: 0,
  내년: 1,
};
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, 한: 1, 두: 2, 세: 3 };
const ENGLISH_MONTH_QUARTERS: Record<string, number> = { march: 3, june: 6, september: 9, december: 12 };
const ENGLISH_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

const yearRef = (numeric: string | undefined, word: string | undefined): YearRef =>
  numeric ? { year: Number(numeric) } : word && word in YEAR_WORDS ? { relative: YEAR_WORDS[word]! } : {};

type Pattern = { re: RegExp; read: (m: RegExpExecArray) => Omit<PeriodRead, "start" | "end" | "text"> | null };

const REL = "(지난해|작년|전년|올해|올|금년|내년)";
const YEAR = "(?<![0-9])((?:19|20)[0-9]{2})";
const MONTH = "(1[0-2]|[1-9])";

/** Most specific first: a longer read at the same place wins, and a read inside one already taken is dropped. */
const PATTERNS: Pattern[] = [
  {
    re: new RegExp(
      `(?:${YEAR}\\s*(?:회계\\s*연도|회계년도|FY)|(?:회계\\s*연도|회계년도|FY)\\s*((?:20)?[0-9]{2})(?![0-9])|(회계\\s*연도|회계년도))\\s*(?:의\\s*)?([1-4])\\s*분기`,
      "g",
    ),
    read: (m) => {
      const y = m[1] ?? m[2];
      const year = y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : undefined;
      return { kind: "quarter", quarter: Number(m[4]), basis: "fiscal", ...(year ? { year } : {}) };
    },
  },
  {
    re: new RegExp(`${YEAR}\\s*(?:회계\\s*연도|회계년도)|FY\\s?((?:20)?[0-9]{2})(?![0-9])`, "g"),
    read: (m) => {
      const y = m[1] ?? m[2]!;
      return { kind: "fiscal-year", year: y.length === 2 ? 2000 + Number(y) : Number(y) };
    },
  },
  {
    re: new RegExp(`(?:${YEAR}\\s*년\\s*|${REL}\\s*)?${MONTH}\\s*월?\\s*[~∼-]\\s*${MONTH}\\s*월(?:\\s*분기)?`, "g"),
    read: (m) => {
      const fromMonth = Number(m[3]);
      const toMonth = Number(m[4]);
      return toMonth > fromMonth ? { kind: "months", fromMonth, toMonth, ...yearRef(m[1], m[2]) } : null;
    },
  },
  {
    re: new RegExp(`(?:${YEAR}\\s*년\\s*|${REL}\\s*)?(3|6|9|12)\\s*월\\s*분기`, "g"),
    read: (m) => ({ kind: "months", fromMonth: Number(m[3]) - 2, toMonth: Number(m[3]), ...yearRef(m[1], m[2]) }),
  },
  {
    re: new RegExp(`(?:${YEAR}\\s*년\\s*(?:의\\s*)?|${REL}\\s*(?:의\\s*)?)([1-4])\\s*분기`, "g"),
    read: (m) => ({ kind: "quarter", quarter: Number(m[3]), basis: "calendar", ...yearRef(m[1], m[2]) }),
  },
  {
    // A bare 4분기: calendar or (for a company whose year starts in April) fiscal. Not "6분기 연속", not "3개 분기".
    re: /(?<![0-9년.])([1-4])\s*분기(?!\s*(?:연속|째|만에))/g,
    read: (m) => ({ kind: "quarter", quarter: Number(m[1]), basis: "either" }),
  },
  {
    re: /\b(?:the\s+)?(march|june|september|december)[- ]quarter(?:\s+(?:of\s+)?((?:19|20)[0-9]{2}))?/gi,
    read: (m) => {
      const toMonth = ENGLISH_MONTH_QUARTERS[m[1]!.toLowerCase()]!;
      return { kind: "months", fromMonth: toMonth - 2, toMonth, ...(m[2] ? { year: Number(m[2]) } : {}) };
    },
  },
  {
    re: /\b(?:Q([1-4])|(first|second|third|fourth)[- ]quarter)(?:\s+(?:of\s+)?((?:19|20)[0-9]{2}))?\b/gi,
    read: (m) => ({
      kind: "quarter",
      quarter: m[1] ? Number(m[1]) : ENGLISH_ORDINALS[m[2]!.toLowerCase()]!,
      basis: m[3] ? "calendar" : "either",
      ...(m[3] ? { year: Number(m[3]) } : {}),
    }),
  },
  {
    re: /(향후|앞으로|이후|지난|과거|최근)?\s*(?<![0-9.])([1-9][0-9]?|한|두|세)\s*(?:개\s*분기|분기\s*(?:간|동안))(?:\s*(?:간|동안))?/g,
    read: (m) => ({
      kind: "span",
      months: 3 * (NUMBER_WORDS[m[2]!] ?? Number(m[2])),
      direction: spanDirection(m[1]),
    }),
  },
  {
    re: /(향후|앞으로|이후|지난|과거|최근)?\s*(?<![0-9.])([1-9][0-9]?|한|두|세)\s*(?:년\s*(?:간|동안|에\s*걸쳐)|개년|해\s*(?:간|동안))/g,
    read: (m) => ({
      kind: "span",
      months: 12 * (NUMBER_WORDS[m[2]!] ?? Number(m[2])),
      direction: spanDirection(m[1]),
    }),
  },
  {
    // 향후 3년, 지난 1년 (no 간/동안 needed after a direction word); not "3년 전", "3년 만에".
    re: /(향후|앞으로|지난|과거|최근)\s*(?<![0-9.])([1-9][0-9]?)\s*년(?!\s*(?:전|만|째|연속|[0-9]))/g,
    read: (m) => ({ kind: "span", months: 12 * Number(m[2]), direction: spanDirection(m[1]) }),
  },
  {
    re: /\b(?:(?:over|in|during|for)\s+)?(?:the\s+)?(next|coming|past|last)?\s*(three|two|five|[1-9])[- ]years?\b/gi,
    read: (m) => ({
      kind: "span",
      months: 12 * (NUMBER_WORDS[m[2]!.toLowerCase()] ?? Number(m[2])),
      direction: m[1] ? (/next|coming/i.test(m[1]) ? "future" : "past") : "unknown",
    }),
  },
  {
    re: new RegExp(`${YEAR}\\s*년\\s*${MONTH}\\s*월\\s*이후|${YEAR}\\s*년\\s*이후`, "g"),
    read: (m) =>
      m[1]
        ? { kind: "since", year: Number(m[1]), month: Number(m[2]) }
        : { kind: "since", year: Number(m[3]), month: 1 },
  },
  {
    re: new RegExp(
      `(?:${YEAR}\\s*년\\s*|${REL}\\s*|지난\\s*)?${MONTH}\\s*월(?:\\s*(3[01]|[12][0-9]|[1-9])\\s*일)?(?!\\s*분기)`,
      "g",
    ),
    read: (m) => ({
      kind: "day",
      month: Number(m[3]),
      ...(m[4] ? { day: Number(m[4]) } : {}),
      ...yearRef(m[1], m[2]),
    }),
  },
  {
    // Relative to a year the text named before (이듬해, 그해): not placed here, but not the sentence before's.
    re: /(?<![가-힣])(이듬해|이듬 해|그해|그 해|다음 해|전해)(?![가-힣]*분기)/g,
    read: () => ({ kind: "year" }),
  },
  {
    re: /지난\s*(3[01]|[12][0-9]|[1-9])\s*일(?![0-9])/g,
    read: (m) => ({ kind: "day", month: 0, day: Number(m[1]) }),
  },
  {
    re: /(전년\s*동기|전년\s*같은\s*기간|작년\s*같은\s*기간|지난해\s*같은\s*기간|1년\s*전|한\s*해\s*전|직전\s*분기|전\s*분기)/g,
    read: () => ({ kind: "prior" }),
  },
  {
    re: new RegExp(`${YEAR}\\s*년(?!\\s*(?:대|생|간|동안))`, "g"),
    read: (m) => ({ kind: "year", year: Number(m[1]) }),
  },
  {
    re: /\b(?:in|of|for|during|since)\s+((?:19|20)[0-9]{2})\b/gi,
    read: (m) => ({ kind: "year", year: Number(m[1]) }),
  },
  {
    re: /(?<![가-힣])(지난해|작년|올해|금년|내년)(?![가-힣]*분기)/g,
    read: (m) => ({ kind: "year", relative: YEAR_WORDS[m[1]!]! }),
  },
];

function spanDirection(word: string | undefined): "future" | "past" | "unknown" {
  if (!word) return "unknown";
  return /향후|앞으로|이후/.test(word) ? "future" : "past";
}

/** Every period named in `text` (in order; overlapping reads resolved to the longest). */
export function readPeriods(text: string): PeriodRead[] {
  const found: PeriodRead[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0].trim()) {
        re.lastIndex++;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      const start = m.index + lead;
      const end = m.index + m[0].trimEnd().length;
      if (found.some((r) => r.start < end && start < r.end)) continue;
      const value = read(m);
      if (value) found.push({ ...value, start, end, text: text.slice(start, end) } as PeriodRead);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/* ---------- dates ---------- */

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / DAY_MS;
};
const iso = (year: number, month: number, day: number): string => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
};
const monthEnd = (year: number, month: number): string => iso(year, month + 1, 0);
/** The first day of a range's end month … its last day, as day numbers. */
const days = (range: DateRange) => [dayNumber(range.from), dayNumber(range.to)] as const;
const sameRange = (a: DateRange, b: DateRange) => {
  const [af, at] = days(a);
  const [bf, bt] = days(b);
  return Math.abs(af - bf) <= 3 && Math.abs(at - bt) <= 3;
};
const contains = (outer: DateRange, day: number) => day >= dayNumber(outer.from) && day <= dayNumber(outer.to);
const monthsBetween = (range: DateRange) => Math.round((dayNumber(range.to) - dayNumber(range.from) + 1) / 30.44);
export const isEvent = (range: DateRange) => range.from === range.to;

/** The calendar quarter or month run that ends latest on or before `pageDate` (with a few weeks' grace). */
function latestBefore(pageDate: string, fromMonth: number, toMonth: number): DateRange {
  const page = dayNumber(pageDate);
  const year = Number(pageDate.slice(0, 4));
  for (let y = year + 1; y >= year - 2; y--) {
    const range = { from: iso(y, fromMonth, 1), to: monthEnd(y, toMonth) };
    if (dayNumber(range.to) <= page + 20) return range;
  }
  return { from: iso(year - 1, fromMonth, 1), to: monthEnd(year - 1, toMonth) };
}

const resolveYear = (ref: YearRef, pageDate: string | undefined): number | undefined =>
  ref.year ?? (ref.relative !== undefined && pageDate ? Number(pageDate.slice(0, 4)) + ref.relative : undefined);

/**
 * The date ranges a read can mean for an issuer whose fiscal year starts in `fiscalStartMonth` (fiscal year N
 * ends in N: Alibaba's 2025 회계연도 runs April 2024 to March 2025). Null when it cannot be placed (올해 without
 * the page's date); several ranges when it is ambiguous (a bare 3분기: calendar or fiscal).
 */
export function resolve(read: PeriodRead, pageDate: string | undefined, fiscalStartMonth: number): DateRange[] | null {
  switch (read.kind) {
    case "quarter": {
      const out: DateRange[] = [];
      const bases =
        read.basis === "either" ? (fiscalStartMonth === 1 ? ["calendar"] : ["calendar", "fiscal"]) : [read.basis];
      for (const basis of bases) {
        const shift = basis === "fiscal" ? fiscalStartMonth - 1 : 0;
        const fromMonth = (((read.quarter - 1) * 3 + shift) % 12) + 1;
        const toMonth = fromMonth + 2;
        const year = resolveYear(read, pageDate);
        if (year !== undefined) {
          // Fiscal year N's quarters that start after December of N-1 fall in calendar year N.
          const calendarYear =
            basis === "fiscal" ? (fromMonth >= fiscalStartMonth && shift > 0 ? year - 1 : year) : year;
          out.push({ from: iso(calendarYear, fromMonth, 1), to: monthEnd(calendarYear, toMonth) });
        } else if (pageDate) out.push(latestBefore(pageDate, fromMonth, toMonth));
        else return null;
      }
      return out;
    }
    case "months": {
      const year = resolveYear(read, pageDate);
      if (year !== undefined) return [{ from: iso(year, read.fromMonth, 1), to: monthEnd(year, read.toMonth) }];
      return pageDate ? [latestBefore(pageDate, read.fromMonth, read.toMonth)] : null;
    }
    case "year": {
      const year = resolveYear(read, pageDate);
      return year === undefined ? null : [{ from: iso(year, 1, 1), to: iso(year, 12, 31) }];
    }
    case "fiscal-year":
      return fiscalStartMonth === 1
        ? [{ from: iso(read.year, 1, 1), to: iso(read.year, 12, 31) }]
        : [{ from: iso(read.year - 1, fiscalStartMonth, 1), to: iso(read.year, fiscalStartMonth, 0) }];
    case "day": {
      if (read.month === 0) {
        if (!pageDate) return null;
        const [py, pm, pd] = pageDate.split("-").map(Number) as [number, number, number];
        const [y, m] = read.day! <= pd ? [py, pm] : pm === 1 ? [py - 1, 12] : [py, pm - 1];
        return [{ from: iso(y, m, read.day!), to: iso(y, m, read.day!) }];
      }
      let year = resolveYear(read, pageDate);
      if (year === undefined && pageDate) {
        year = Number(pageDate.slice(0, 4));
        // "지난 2월" in a January article is last year's February.
        if (iso(year, read.month, read.day ?? 1) > pageDate) year--;
      }
      if (year === undefined) return null;
      return read.day
        ? [{ from: iso(year, read.month, read.day), to: iso(year, read.month, read.day) }]
        : [{ from: iso(year, read.month, 1), to: monthEnd(year, read.month) }];
    }
    case "since":
      return [{ from: iso(read.year, read.month, 1), to: pageDate ?? "9999-12-31" }];
    default:
      return null;
  }
}

/**
 * Whether a read names the figure's period: `agree`, `conflict` (another period), or `unknown` (it cannot be
 * placed, means several things, or names a date that is not a period — "2월 20일 발표한 4분기 실적").
 */
export function agreement(read: PeriodRead, figure: FigurePeriod, pageDate: string | undefined): Agreement {
  if (read.kind === "prior") return "conflict";
  if (read.kind === "span") return spanAgreement(read, figure, pageDate);
  const ranges = resolve(read, pageDate, figure.fiscalStartMonth);
  if (!ranges) return "unknown";
  const event = isEvent(figure);
  const fits = (range: DateRange): boolean => {
    // "2022년 11월 이후" totals what happened since then: never one event's amount, and a running figure's only
    // when it starts then.
    if (read.kind === "since") return !event && Math.abs(dayNumber(range.from) - dayNumber(figure.from)) <= 31;
    if (read.kind === "day") {
      if (event)
        return contains({ from: iso(...ymd(range.from, -3)), to: iso(...ymd(range.to, 3)) }, dayNumber(figure.from));
      return false;
    }
    return sameRange(range, figure) || (event && contains(range, dayNumber(figure.from)));
  };
  const results = ranges.map(fits);
  if (results.every(Boolean)) return "agree";
  if (read.kind === "day" && !event) {
    // A day or month next to a quarter's or a plan's figure is when it was said, not what it covers.
    const published = dayNumber(figure.published);
    return ranges.some((r) => contains({ from: iso(...ymd(r.from, -3)), to: iso(...ymd(r.to, 3)) }, published))
      ? "agree"
      : "unknown";
  }
  if (read.kind === "since") return "unknown";
  return results.some(Boolean) ? "unknown" : "conflict";
}

function ymd(isoDate: string, addDays: number): [number, number, number] {
  const date = new Date((dayNumber(isoDate) + addDays) * DAY_MS);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/**
 * A plan over 3년간, a 4-quarter run: same length, and current on the page's date (or the right way round without one).
 */
function spanAgreement(
  read: Extract<PeriodRead, { kind: "span" }>,
  figure: FigurePeriod,
  pageDate: string | undefined,
): Agreement {
  if (isEvent(figure)) return "conflict";
  if (Math.abs(monthsBetween(figure) - read.months) > 1) return "conflict";
  const forward = dayNumber(figure.from) >= dayNumber(figure.published) - 31;
  if (pageDate) {
    const page = dayNumber(pageDate);
    const [from, to] = days(figure);
    if (to < page - 400 || from > page + 400) return "conflict";
    if (read.direction === "future" && !(from >= page - 400 && to > page)) return "conflict";
    // "지난 1년간" on a page of November 2025 is the year to about then, not calendar 2024.
    if (read.direction === "past" && (from > page || to < page - 120 || to > page + 31)) return "conflict";
    return "agree";
  }
  if (read.direction === "future" && !forward) return "conflict";
  if (read.direction === "past" && forward) return "conflict";
  return "agree";
}
