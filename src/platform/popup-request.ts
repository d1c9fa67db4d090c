/** Where the background leaves the entity the popup should open on ("more in the popup" on a card). */
import browser from "webextension-polyfill";

const POPUP_ENTITY_KEY = "popupEntity";

/** The background asks the popup to open on `entity` (read once by takeRequestedEntity). */
export async function requestEntity(entity: string): Promise<void> {
  await browser.storage.session.set({ [POPUP_ENTITY_KEY]: entity });
}

/** The entity asked for (URL parameter when opened as a tab, else session storage), consumed once. */
export async function takeRequestedEntity(): Promise<string | null> {
  const fromUrl = new URLSearchParams(location.search).get("entity");
  if (fromUrl) return fromUrl; // a tab opened on an entity leaves a pending request to the toolbar popup
  try {
    const stored = (await browser.storage.session.get(POPUP_ENTITY_KEY))[POPUP_ENTITY_KEY];
    await browser.storage.session.remove(POPUP_ENTITY_KEY);
    return typeof stored === "string" ? stored : null;
  } catch {
    return null;
  }
}
