/**
 * Deterministic Korean news pages for the benchmark, from our own sentence
 * templates: an article (~8 KB of text), a portal page (~200 KB, ~30k nodes),
 * a huge page (~2 MB, ~300k nodes) and a dynamic page that appends 200 blocks
 * in 20 batches over 2 s. About one mention per 300–600 characters, inline
 * tags splitting text, navigation rails and comment boxes. `none` is the portal
 * page from the same generator with every entity slot filled by an out-of-scope
 * company (and the fillers' look-alikes: 알리겠다고, 소득 차이, 직구): what most
 * pages a reader opens cost.
 */

/** Small seeded PRNG (mulberry32) so every run builds the same pages. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MENTIONS = [
  "알리바바는",
  "알리바바 클라우드가",
  "마윈의",
  "큐원을",
  "퉁이첸원은",
  "타오바오에서",
  "티몰의",
  "앤트그룹이",
  "알리페이로",
  "조 차이 회장은",
  "우융밍 CEO는",
  "3800억 위안을",
  "Qwen3를",
  "알리익스프레스와 테무가",
];
/** The same slots filled with companies Maekrak does not cover (the page without mentions). */
const OUT_OF_SCOPE = [
  "텐센트는",
  "바이두 클라우드가",
  "레이쥔의",
  "훈위안을",
  "어니봇은",
  "징둥닷컴에서",
  "핀둬둬의",
  "바이트댄스가",
  "위챗페이로",
  "마화텅 회장은",
  "량루보 CEO는",
  "5000억 원을",
  "딥시크를",
  "테무와 쉬인이",
];
const FILLER = [
  "중국 빅테크 기업들의 인공지능 경쟁이 한층 치열해지고 있다.",
  "시장에서는 투자 확대가 실적으로 이어질지 주목하고 있다.",
  "업계 관계자는 당분간 가격 경쟁이 이어질 것이라고 내다봤다.",
  "정부는 관련 제도를 정비해 소비자에게 알리겠다고 밝혔다.",
  "전문가들은 지역별 소득 차이를 줄여야 한다고 지적했다.",
  "증권가는 하반기 반등 가능성에 무게를 두고 있다.",
  "데이터센터 전력 수요가 빠르게 늘면서 인프라 투자도 커지고 있다.",
  "국내 기업들도 생성형 인공지능 서비스를 잇따라 내놓고 있다.",
  "소비자 단체는 해외 직구 제품의 안전성을 점검해야 한다고 밝혔다.",
  "반도체 수출 규제가 강화되면서 공급망 재편이 빨라지고 있다.",
  "올해 1분기 온라인 쇼핑 거래액은 1년 전보다 늘었다.",
  "이 회사는 다음 달 새 서비스를 공개할 예정이다.",
];
const INLINE = ["b", "a", "em", "span", "strong"];

/** Characters written since the last mention, page-wide, so density holds in short cards too. */
let sinceMention = 0;
/** The entity slots of the page being generated (MENTIONS, or OUT_OF_SCOPE for the page without mentions). */
let slots = MENTIONS;

function paragraph(next: () => number, chars: number): string {
  let text = "";
  let html = "";
  while (text.length < chars) {
    let sentence = FILLER[Math.floor(next() * FILLER.length)]!;
    if (sinceMention > 300 + next() * 300) {
      const mention = slots[Math.floor(next() * slots.length)]!;
      sentence = `${mention} ${sentence}`;
      sinceMention = 0;
    }
    sinceMention += sentence.length;
    text += `${sentence} `;
    // Inline tags split some sentences (and sometimes names) the way real markup does.
    if (next() < 0.6) {
      const tag = INLINE[Math.floor(next() * INLINE.length)]!;
      const cut = Math.floor(sentence.length / 2);
      html += `${sentence.slice(0, cut)}<${tag}${tag === "a" ? ' href="#"' : ""}>${sentence.slice(cut, cut + 6)}</${tag}>${sentence.slice(cut + 6)} `;
    } else {
      html += `${sentence} `;
    }
  }
  return html;
}

function chrome(next: () => number, body: string, title: string, rails: number): string {
  const nav = Array.from({ length: 20 }, (_, i) => `<li><a href="#">메뉴${i + 1}</a></li>`).join("");
  const rail = Array.from(
    { length: rails },
    (_, i) =>
      `<li><a href="#"><span class="rank">${i + 1}</span> ${FILLER[Math.floor(next() * FILLER.length)]}</a></li>`,
  ).join("");
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.7 sans-serif;margin:0}main{max-width:760px;margin:0 auto;padding:16px}nav ul,aside ul{list-style:none;padding:0}nav li{display:inline-block;margin-right:8px}</style></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><h1>${title}</h1>${body}</main><aside><h2>많이 본 뉴스</h2><ul>${rail}</ul></aside>
<footer><p>무단전재 및 재배포 금지</p></footer></body></html>`;
}

function comments(next: () => number, count: number): string {
  return `<section class="comments">${Array.from(
    { length: count },
    (_, i) =>
      `<div class="comment"><span class="who">독자${i}</span><p>${paragraph(next, 60 + next() * 120)}</p><button>좋아요</button></div>`,
  ).join("")}</section>`;
}

/** A top story above the fold, so the first screen has mentions to highlight (the first-screen latency needs some). */
const LEAD = `<p class="lead">알리바바 클라우드가 큐원 신모델을 공개했다. 마윈의 복귀설 속에 조 차이 회장은 3800억 위안을 인공지능 인프라에 투자하겠다고 밝혔다.</p>`;
const LEAD_OUT_OF_SCOPE = `<p class="lead">텐센트 클라우드가 훈위안 신모델을 공개했다. 마화텅의 발언 속에 마 회장은 3000억 위안을 인공지능 인프라에 투자하겠다고 밝혔다.</p>`;

function card(next: () => number): string {
  return (
    `<div class="card"><h3><a href="#">${FILLER[Math.floor(next() * FILLER.length)]}</a></h3><p>${paragraph(next, 60)}</p>` +
    `<span class="meta"><span>3시간 전</span> · <a href="#">댓글 <b>${Math.floor(next() * 900)}</b></a></span></div>`
  );
}

export function articlePage(): string {
  sinceMention = 0;
  const next = rng(1);
  const body = Array.from({ length: 14 }, () => `<p>${paragraph(next, 430)}</p>`).join("") + comments(next, 30);
  return chrome(next, body, "알리바바, AI 투자 확대", 30);
}

function portal(lead: string, title: string): string {
  sinceMention = 0;
  const next = rng(2);
  const cards = Array.from({ length: 1700 }, () => card(next)).join("");
  return chrome(next, `${lead}<div class="grid">${cards}</div>${comments(next, 200)}`, title, 400);
}

export function portalPage(): string {
  slots = MENTIONS;
  return portal(LEAD, "포털 뉴스 홈");
}

/** The portal page with no in-scope mention: the same markup and text, other companies in every slot. */
export function noMentionsPage(): string {
  slots = OUT_OF_SCOPE;
  const html = portal(LEAD_OUT_OF_SCOPE, "포털 뉴스 홈");
  slots = MENTIONS;
  return html;
}

export function hugePage(): string {
  sinceMention = 0;
  const next = rng(3);
  const cards = Array.from({ length: 17000 }, () => card(next)).join("");
  return chrome(next, `${LEAD}<div class="grid">${cards}</div>${comments(next, 2000)}`, "끝없는 뉴스 피드", 4000);
}

/** An article that appends 200 blocks in 20 batches over 2 s, starting when the page has loaded. */
export function dynamicPage(): string {
  sinceMention = 0;
  const next = rng(4);
  const batches = Array.from({ length: 20 }, () =>
    Array.from({ length: 10 }, () => `<p>${paragraph(next, 260)}</p>`).join(""),
  );
  const script = `<script>
  const BATCHES = ${JSON.stringify(batches)};
  addEventListener("load", () => {
    let i = 0;
    const timer = setInterval(() => {
      const box = document.createElement("div");
      box.className = "more";
      box.innerHTML = BATCHES[i++];
      document.querySelector("main").append(box);
      (globalThis.__appendedAt ??= []).push(performance.now());
      if (i === BATCHES.length) { clearInterval(timer); document.documentElement.dataset.appended = "1"; }
    }, 100);
  });
  </script>`;
  const body = Array.from({ length: 6 }, () => `<p>${paragraph(next, 400)}</p>`).join("");
  return chrome(next, body + script, "실시간 속보", 20);
}

export const PAGES = {
  article: articlePage,
  none: noMentionsPage,
  portal: portalPage,
  huge: hugePage,
  dynamic: dynamicPage,
} as const;
export type PageName = keyof typeof PAGES;
