/**
 * Receipt-side validation: messages from other extensions, and anything not
 * in the protocol (which is all a page script could ever try), are ignored
 * before any handler runs.
 */
import { beforeEach, describe, expect, test, vi } from "vitest";

type Listener = (message: unknown, sender: { id?: string; tab?: { id: number } }) => Promise<unknown> | undefined;
const listeners: Listener[] = [];

vi.mock("webextension-polyfill", () => ({
  default: {
    runtime: {
      id: "maekrak-test-id",
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
      },
      sendMessage: vi.fn(),
    },
    tabs: { sendMessage: vi.fn() },
  },
}));

// The unit files share one module graph: a fresh copy, bound to this file's mock.
vi.resetModules();
const { handleMessages } = await import("../../../src/messages/bus");
const { PopupToContent, ContentToBackground } = await import("../../../src/messages/protocol");

const deliver = (message: unknown, sender: { id?: string } = { id: "maekrak-test-id" }) =>
  listeners[0]!(message, sender);

describe("message bus", () => {
  beforeEach(() => {
    listeners.length = 0;
    vi.restoreAllMocks();
  });

  test("a valid message from this extension reaches its handler and the reply comes back", async () => {
    const getPageMentions = vi.fn(() => ({ url: "u", title: "t", total: 0, entities: [], claims: [], enabled: true }));
    handleMessages(PopupToContent, {
      getPageMentions,
      scrollToMention: () => null,
      stepMention: () => null,
      showClaim: () => null,
      runOnPage: getPageMentions,
    });
    await expect(deliver({ type: "getPageMentions" })).resolves.toMatchObject({ total: 0 });
    expect(getPageMentions).toHaveBeenCalledOnce();
  });

  test("the same message from another extension is ignored (no handler, no reply)", () => {
    const getEntityDetails = vi.fn();
    handleMessages(ContentToBackground, {
      mentionsChanged: vi.fn(),
      getEntityDetails,
      openInPopup: vi.fn(),
      getAnnouncement: vi.fn(),
      readClaims: vi.fn(),
    });
    expect(deliver({ type: "getEntityDetails", entity: "qwen" }, { id: "some-other-extension" })).toBeUndefined();
    expect(deliver({ type: "getEntityDetails", entity: "qwen" }, {})).toBeUndefined();
    expect(getEntityDetails).not.toHaveBeenCalled();
  });

  test.each([
    ["unknown type", { type: "deleteEverything" }],
    ["extra field", { type: "getEntityDetails", entity: "qwen", html: "<img onerror=alert(1)>" }],
    ["bad entity id", { type: "getEntityDetails", entity: "../../etc" }],
    ["wrong field type", { type: "mentionsChanged", count: "many" }],
    ["negative count", { type: "mentionsChanged", count: -1 }],
    ["not an object", "getEntityDetails"],
    ["null", null],
  ])("a malformed message (%s) is ignored with a warning", (_, message) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const handlers = {
      mentionsChanged: vi.fn(),
      getEntityDetails: vi.fn(),
      openInPopup: vi.fn(),
      getAnnouncement: vi.fn(),
      readClaims: vi.fn(),
    };
    handleMessages(ContentToBackground, handlers);
    expect(deliver(message)).toBeUndefined();
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
  });

  test("unsubscribing removes the listener", () => {
    const off = handleMessages(PopupToContent, {
      getPageMentions: vi.fn(),
      scrollToMention: vi.fn(),
      stepMention: vi.fn(),
      showClaim: vi.fn(),
      runOnPage: vi.fn(),
    });
    expect(listeners).toHaveLength(1);
    off();
    expect(listeners).toHaveLength(0);
  });
});
