/**
 * Bounds on one parse/render. Rendering is synchronous and runs inside the engine's process, so
 * a workflow author's loop must not be able to stall it or exhaust its memory.
 */
export interface TemplateLimits {
  /** Longest template accepted, in characters (liquidjs `parseLimit`). */
  parseLimit: number;
  /** Wall-clock budget of one render, in milliseconds (liquidjs `renderLimit`). */
  renderLimit: number;
  /**
   * Allocation budget of one render, in liquidjs units (about one per string character or array
   * item created by a filter, range or loop) (liquidjs `memoryLimit`).
   */
  memoryLimit: number;
}

/**
 * Large enough for the corpus (its longest template is ~20 kB and renders in well under a
 * millisecond) and for `| json` over big search responses, small enough that a runaway loop
 * fails within a second instead of blocking the node.
 */
export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = Object.freeze({
  parseLimit: 1_000_000,
  renderLimit: 1_000,
  memoryLimit: 100_000_000,
});
