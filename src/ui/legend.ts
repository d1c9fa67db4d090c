/**
 * What each badge means, one line per status (the rules of src/kb/status.ts in the reader's words), and what the
 * notes under a fact mean. The card and the popup both show it. Pure.
 */
import type { VariantDifference, VerificationStatus } from "../core/vocabulary";
import { VERIFICATION_STATUSES } from "../core/vocabulary";

type Translate = (name: string, ...subs: string[]) => string;

const keyPart = (value: string) => value.replace("-", "_");

export const statusLabel = (status: VerificationStatus, t: Translate): string => t(`status_${keyPart(status)}`);

export const differenceLabel = (difference: VariantDifference, t: Translate): string =>
  t(`legend_difference_${difference}`);

export type LegendEntry = { status: VerificationStatus; label: string; rule: string };

export function legendEntries(t: Translate): LegendEntry[] {
  return VERIFICATION_STATUSES.map((status) => ({
    status,
    label: statusLabel(status, t),
    rule: t(`legend_${keyPart(status)}`),
  }));
}

/** The lines under the four rules: notation is not a difference; what does not count as a source. */
export const legendNotes = (t: Translate): string[] => [t("legend_notation"), t("legend_uncounted")];
