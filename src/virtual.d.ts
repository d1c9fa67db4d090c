declare module "virtual:maekrak/kb" {
  const kb: import("./kb/compile").CompiledKb;
  export default kb;
}
declare module "virtual:maekrak/matcher" {
  const data: import("./kb/matcher-data").MatcherData;
  export default data;
}
