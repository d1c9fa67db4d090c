declare module "virtual:maekrak/kb" {
  const kb: import("./kb/compile").CompiledKb;
  export default kb;
}
declare module "virtual:maekrak/matcher" {
  const data: import("./core/matcher").CompiledMatcher;
  export default data;
}
