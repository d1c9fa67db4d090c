/**
 * The Firefox versions the extension declares (browser_specific_settings). Each is the first version that has
 * everything the extension relies on without a fallback; tests/unit/build/firefox-versions.test.ts derives them
 * again from @mdn/browser-compat-data and the APIs the code calls.
 */

/** Desktop: the CSS Custom Highlight API and `data_collection_permissions` (both Firefox 140). */
export const FIREFOX_MIN_VERSION = "140.0";

/**
 * Android: `::highlight()` with `text-decoration` (Firefox for Android 146), which draws the underline style and
 * the wavy mark of a differing figure. Below it: `data_collection_permissions` (142), the Highlight API (140),
 * `permissions.request` (120), `storage.session` (115), MV3 (109), `scripting` (102).
 */
export const FIREFOX_ANDROID_MIN_VERSION = "146.0";
