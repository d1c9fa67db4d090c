/**
 * The highlights' colours, one per kind of mention (and a wavy red line for a figure that differs), shared by the
 * page's highlight rules (content/highlight-style.ts) and the popup's legend of colours. Pure data.
 */
import type { EntityType } from "../core/vocabulary";

export type Kind = EntityType | "differs";
export const KINDS: readonly Kind[] = ["organization", "product", "person", "figure", "differs"];
export type Rgb = readonly [number, number, number];
/** Per kind: the fill and the line colour, for light and for dark pages. Translucent fills stay readable on both. */
export const PALETTE: Record<Kind, { fill: [Rgb, number]; line: Rgb; darkFill: [Rgb, number]; darkLine: Rgb }> = {
  organization: {
    fill: [[255, 196, 0], 0.32],
    line: [214, 140, 0],
    darkFill: [[255, 196, 0], 0.3],
    darkLine: [255, 200, 60],
  },
  product: {
    fill: [[64, 196, 255], 0.28],
    line: [0, 122, 204],
    darkFill: [[64, 196, 255], 0.28],
    darkLine: [110, 200, 255],
  },
  person: {
    fill: [[120, 220, 120], 0.3],
    line: [30, 140, 60],
    darkFill: [[120, 220, 120], 0.28],
    darkLine: [130, 230, 140],
  },
  figure: {
    fill: [[255, 120, 200], 0.26],
    line: [200, 40, 140],
    darkFill: [[255, 120, 200], 0.28],
    darkLine: [255, 150, 210],
  },
  // A figure stated differently from the verified value: a wavy red line.
  differs: {
    fill: [[255, 80, 60], 0.16],
    line: [210, 40, 30],
    darkFill: [[255, 100, 80], 0.22],
    darkLine: [255, 130, 110],
  },
};

/** A colour as CSS. */
export const cssColour = ([r, g, b]: Rgb, alpha = 1): string => `rgba(${r}, ${g}, ${b}, ${alpha})`;
