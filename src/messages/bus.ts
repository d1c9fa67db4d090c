/**
 * The browser seam for messaging: the only module that calls
 * runtime.sendMessage / tabs.sendMessage / onMessage. Receivers validate every
 * message against the protocol and ignore (with a warning) anything else,
 * including messages from other extensions.
 */
import browser from "webextension-polyfill";
import type { Runtime } from "webextension-polyfill";
import * as v from "valibot";
import type { ContentToBackground, PopupToContent, Replies } from "./protocol";

type Reply<M extends { type: keyof Replies }> = Replies[M["type"]];

export function sendToBackground<M extends ContentToBackground>(message: M): Promise<Reply<M>> {
  return browser.runtime.sendMessage(message) as Promise<Reply<M>>;
}

export function sendToTab<M extends PopupToContent>(tabId: number, message: M): Promise<Reply<M>> {
  return browser.tabs.sendMessage(tabId, message) as Promise<Reply<M>>;
}

type Handlers<M extends { type: keyof Replies }> = {
  [K in M["type"]]: (
    message: Extract<M, { type: K }>,
    sender: Runtime.MessageSender,
  ) => Replies[K] | Promise<Replies[K]>;
};

/** Registers typed handlers for the messages `schema` accepts; returns the unsubscribe function. */
export function handleMessages<S extends v.GenericSchema, M extends v.InferOutput<S> & { type: keyof Replies }>(
  schema: S,
  handlers: Handlers<M>,
): () => void {
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined; // other extensions
    const parsed = v.safeParse(schema, raw);
    if (!parsed.success) {
      console.warn("[maekrak] ignored an unrecognised message", raw);
      return undefined;
    }
    const message = parsed.output as M;
    const handler = handlers[message.type as M["type"]] as (m: M, s: Runtime.MessageSender) => unknown;
    return Promise.resolve(handler(message, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
