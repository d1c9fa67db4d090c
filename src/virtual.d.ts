declare module "virtual:maekrak/kb" {
  const kb: import("./kb/compile").CompiledKb;
  export default kb;
}
declare module "virtual:maekrak/matcher" {
  const entities: import("./core/types").MatcherEntity[];
  export default entities;
}
