/** True only in the build the end-to-end tests drive (see buildConstants in src/build/content-script-plugin.ts). */
declare const __MAEKRAK_TEST_BUILD__: boolean;
/** The browser a bundle is built for (TARGET=firefox builds Firefox's; see buildConstants). */
declare const __MAEKRAK_BROWSER__: "chrome" | "firefox";

declare module "virtual:maekrak/kb" {
  const kb: import("./kb/compile").CompiledKb;
  export default kb;
}
declare module "virtual:maekrak/matcher" {
  const data: import("./core/matcher").CompiledMatcher;
  export default data;
}
declare module "virtual:maekrak/claims" {
  /** Null when the knowledge base has no figure to check amounts against. */
  const data: import("./core/claims").ClaimData | null;
  export default data;
}
declare module "virtual:maekrak/sieve" {
  const source: import("./core/sieve").SieveSource;
  export default source;
}
declare module "virtual:maekrak/news-sites" {
  /** The content script's built-in match patterns (the manifest's news list), baked in at build time. */
  const matches: readonly string[];
  export default matches;
}
