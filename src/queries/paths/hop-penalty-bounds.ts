import type { LowerBounds } from './lower-bounds';
import type { MeetingBounds } from './meeting-bounds';

/** Relative margin taken off a penalised bound: D(v) − λ·r cancels digits, and D(v) is a sum of many hops. */
const MARGIN = 1e-12;

/**
 * Hop-aware lower bounds from two one-label searches (meeting-bounds.ts): `plain` without a hop penalty and
 * `penalized` with penalty λ > 0 per hop (its own walk need not fit within maxLength). A walk W from v to t of at most r
 * hops costs c(W) = c_λ(W) − λ·hops(W) ≥ D_λ(v) − λ·r (Lagrangian relaxation of the hop limit), and c(W) ≥ D_0(v);
 * the larger of the two is the bound. `cheapest` is the cost of a walk known to fit within the hop limit: the
 * penalised walk's or a cheaper one.
 */
export class HopPenaltyBounds implements LowerBounds {
  readonly connected = true;

  constructor(
    private readonly plain: MeetingBounds,
    private readonly penalized: MeetingBounds,
    readonly cheapest: number,
  ) {}

  bound(v: number, hops: number): number {
    const plain = this.plain.bound(v);
    const full = this.penalized.bound(v);
    if (full === Infinity) return Infinity; // t cannot be reached from v at all
    const penalized = full - this.penalized.penalty * hops - MARGIN * full;
    return penalized > plain ? penalized : plain;
  }
}
