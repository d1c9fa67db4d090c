/**
 * How many cases a property test runs: a tenth by default, so the everyday unit loop stays fast, and the
 * full count when MAEKRAK_FULL_PROPERTIES is set (.ci/run sets it).
 */
export const FULL_PROPERTIES = Boolean(process.env.MAEKRAK_FULL_PROPERTIES);

export function runs(full: number): number {
  return FULL_PROPERTIES ? full : Math.max(30, Math.round(full / 10));
}
