/**
 * Whether the reader can see a mention's text: not in a display:none, visibility:hidden or transparent
 * subtree (the `hidden` attribute included), nor inside a box collapsed to zero width or height that clips
 * what it holds (a closed menu). Asked only when mentions are counted or hovered, never while scanning:
 * each answer reads the layout the browser already has, and one count shares its answers per element.
 */

type VisibilityOptions = {
  checkOpacity?: boolean;
  checkVisibilityCSS?: boolean;
  opacityProperty?: boolean;
  visibilityProperty?: boolean;
};
type Checkable = Element & { checkVisibility?: (options?: VisibilityOptions) => boolean };

/** Both spellings of each option: the first ones Chromium shipped, and the standard ones. */
const HIDDEN_BY_CSS: VisibilityOptions = {
  checkOpacity: true,
  checkVisibilityCSS: true,
  opacityProperty: true,
  visibilityProperty: true,
};

/** Answers for the elements already asked about (per count: layout may change between counts). */
export type VisibilityCache = Map<Element, boolean>;

export function textIsVisible(node: Node, cache: VisibilityCache = new Map()): boolean {
  const element = node.parentElement as Checkable | null;
  if (!element?.isConnected) return false;
  if (typeof element.checkVisibility === "function" && !element.checkVisibility(HIDDEN_BY_CSS)) return false;
  return !insideCollapsedBox(element, cache);
}

/** An ancestor-or-self with no width or no height whose overflow clips its content. */
function insideCollapsedBox(element: Element, cache: VisibilityCache): boolean {
  const seen: Element[] = [];
  let collapsed = false;
  for (let el: Element | null = element; el && el !== el.ownerDocument.documentElement; el = el.parentElement) {
    const known = cache.get(el);
    if (known !== undefined) {
      collapsed = known;
      break;
    }
    seen.push(el);
    const box = el as HTMLElement;
    // offsetWidth/Height are 0 only for a box with no size (an inline element holding text has its line's).
    if (typeof box.offsetWidth === "number" && (box.offsetWidth === 0 || box.offsetHeight === 0)) {
      const { display, overflowX, overflowY } = getComputedStyle(el);
      const clips = (overflow: string) => overflow !== "visible" && display !== "inline" && display !== "contents";
      if ((box.offsetWidth === 0 && clips(overflowX)) || (box.offsetHeight === 0 && clips(overflowY))) {
        collapsed = true;
        break;
      }
    }
  }
  for (const el of seen) cache.set(el, collapsed);
  return collapsed;
}

/**
 * Runs `run` once the browser has laid out the next frame (its layout is then clean: reading it forces no
 * restyle inside our task), or after `fallbackMs` where frames do not come (a background tab). Calls made
 * while one is pending share it. Returns the function that cancels what is pending.
 */
export function afterLayout(win: Window, fallbackMs = 1000): { run(task: () => void): void; cancel(): void } {
  let pending: (() => void) | null = null;
  let frame = 0;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  let next: ReturnType<typeof setTimeout> | undefined;
  const frames = typeof win.requestAnimationFrame === "function";
  const fire = () => {
    if (frames) win.cancelAnimationFrame(frame);
    clearTimeout(fallback);
    const task = pending;
    pending = null;
    task?.();
  };
  return {
    run(task) {
      const first = pending === null;
      pending = task;
      if (!first) return;
      if (frames)
        frame = win.requestAnimationFrame(() => {
          next = setTimeout(fire, 0);
        });
      fallback = setTimeout(fire, fallbackMs);
    },
    cancel() {
      if (frames) win.cancelAnimationFrame(frame);
      clearTimeout(fallback);
      clearTimeout(next);
      pending = null;
    },
  };
}
