/**
 * An article's publication date from what the page states: an ISO time (article:published_time, JSON-LD
 * datePublished, <time datetime>), or a Korean byline ("입력 2025.02.24 09:30", "기사입력 2025-02-24",
 * "등록 2025년 2월 24일"). Times with an offset are placed on the Korean calendar day (UTC+9), where these
 * pages are published. Pure: strings in, "YYYY-MM-DD" or null out.
 */

const KST_OFFSET_MS = 9 * 3_600_000;

const valid = (y: number, m: number, d: number): string | null => {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
};

/** "2025-02-24", "2025-02-24T09:30:00+09:00", "2025-02-23T23:30:00Z" → the Korean calendar day. */
export function dateFromIso(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(
    value,
  );
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!m[4] || !m[7] || !valid(y, mo, d)) return valid(y, mo, d);
  const zone =
    m[7] === "Z" ? 0 : (m[7].startsWith("-") ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
  const utc = Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - zone * 60_000;
  if (Number.isNaN(utc)) return null;
  const kst = new Date(utc + KST_OFFSET_MS);
  return valid(kst.getUTCFullYear(), kst.getUTCMonth() + 1, kst.getUTCDate());
}

/** A date written out: "2025.02.24", "2025. 2. 24.", "2025-2-24", "2025/02/24", "2025년 2월 24일". */
const WRITTEN_DATE = /(\d{4})\s*(?:[.\-/]\s*|년\s*)(\d{1,2})\s*(?:[.\-/]\s*|월\s*)(\d{1,2})(?!\d)/;

export function dateFromText(value: string): string | null {
  const m = WRITTEN_DATE.exec(value);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The publication line of a Korean byline: 입력 (first published) wins over 수정 (last edited). */
const BYLINE =
  /(?:기사\s*)?(?:입력|등록|발행|게재|송고|승인|작성|Published|posted)(?:\s*(?:일|일자|일시|시간|시각))?\s*[:：]?\s*/gi;

export function dateFromByline(text: string): string | null {
  BYLINE.lastIndex = 0;
  for (let m = BYLINE.exec(text); m; m = BYLINE.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const at = WRITTEN_DATE.exec(after);
    if (at && at.index === 0) return valid(Number(at[1]), Number(at[2]), Number(at[3]));
  }
  return null;
}

/** datePublished anywhere in a JSON-LD block (a NewsArticle, a @graph of several, an array). */
export function dateFromJsonLd(json: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < 200; i++) {
    const node = queue[i];
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === "object") {
      const published = (node as Record<string, unknown>).datePublished;
      if (typeof published === "string") {
        const date = dateFromIso(published) ?? dateFromText(published);
        if (date) return date;
      }
      queue.push(...Object.values(node));
    }
  }
  return null;
}
