// Counts on fixed bin edges. With the edges fixed up front (from the reference data), histograms of
// any number of windows merge exactly by adding counts, which an adaptive histogram cannot do.
// Bins follow numpy.histogram: [e0, e1), [e1, e2), ..., [e(k-1), ek] (the last bin is closed).

export interface HistogramJSON {
  v: 1;
  kind: 'histogram';
  edges: number[];
  counts: number[];
  /** Values below the first edge (including -Infinity). */
  underflow: number;
  /** Values above the last edge (including +Infinity). */
  overflow: number;
  /** null, undefined and NaN. */
  missing: number;
}

export class Histogram {
  readonly edges: readonly number[];
  readonly counts: number[];
  underflow = 0;
  overflow = 0;
  missing = 0;

  constructor(edges: readonly number[]) {
    if (edges.length < 2) throw new Error('Histogram: need at least two edges');
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i] as number;
      if (!Number.isFinite(e)) throw new Error(`Histogram: edge ${i} is not finite`);
      if (i > 0 && !(e > (edges[i - 1] as number))) throw new Error('Histogram: edges must be strictly increasing');
    }
    // Normalise -0 so that edges compare equal by value and by JSON text.
    this.edges = Object.freeze(edges.map((e) => (e === 0 ? 0 : e)));
    this.counts = new Array<number>(edges.length - 1).fill(0);
  }

  /** `bins` equal-width bins over [lo, hi]. */
  static uniform(lo: number, hi: number, bins: number): Histogram {
    if (!(hi > lo) || !Number.isInteger(bins) || bins < 1)
      throw new Error('Histogram.uniform: need lo < hi, bins >= 1');
    const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + ((hi - lo) * i) / bins));
    return new Histogram(edges);
  }

  /** Index of the bin holding `value`, -1 below the first edge, counts.length above the last. */
  binOf(value: number): number {
    const e = this.edges;
    const last = e.length - 1;
    if (value < (e[0] as number)) return -1;
    if (value > (e[last] as number)) return last;
    if (value === e[last]) return last - 1;
    // Largest i with e[i] <= value.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((e[mid] as number) <= value) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  add(value: number | null | undefined, weight = 1): this {
    if (value === null || value === undefined || Number.isNaN(value)) {
      this.missing += weight;
      return this;
    }
    const b = this.binOf(value);
    if (b < 0) this.underflow += weight;
    else if (b >= this.counts.length) this.overflow += weight;
    else this.counts[b] = (this.counts[b] as number) + weight;
    return this;
  }

  addAll(values: Iterable<number | null | undefined>): this {
    for (const v of values) this.add(v);
    return this;
  }

  /** Non-missing values counted, overflow bins included. */
  get total(): number {
    return this.counts.reduce((s, c) => s + c, this.underflow + this.overflow);
  }

  sameEdges(other: Histogram): boolean {
    return this.edges.length === other.edges.length && this.edges.every((e, i) => e === other.edges[i]);
  }

  /** Adds `other`'s counts. Exact; throws unless the edges are identical. */
  merge(other: Histogram): this {
    if (!this.sameEdges(other)) {
      throw new Error(
        `Histogram.merge: edges differ (${this.edges.length} vs ${other.edges.length} edges, ` +
          `[${this.edges[0]}, ${this.edges.at(-1)}] vs [${other.edges[0]}, ${other.edges.at(-1)}]); ` +
          're-bin both on the same edges first',
      );
    }
    for (let i = 0; i < this.counts.length; i++)
      this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    this.underflow += other.underflow;
    this.overflow += other.overflow;
    this.missing += other.missing;
    return this;
  }

  clone(): Histogram {
    return Histogram.fromJSON(this.toJSON());
  }

  toJSON(): HistogramJSON {
    return {
      v: 1,
      kind: 'histogram',
      edges: [...this.edges],
      counts: [...this.counts],
      underflow: this.underflow,
      overflow: this.overflow,
      missing: this.missing,
    };
  }

  static fromJSON(json: HistogramJSON): Histogram {
    if (json?.kind !== 'histogram' || json.v !== 1) throw new Error('Histogram.fromJSON: not a v1 histogram');
    const h = new Histogram(json.edges);
    if (json.counts.length !== h.counts.length) throw new Error('Histogram.fromJSON: counts do not match edges');
    json.counts.forEach((c, i) => {
      h.counts[i] = c;
    });
    h.underflow = json.underflow;
    h.overflow = json.overflow;
    h.missing = json.missing;
    return h;
  }
}
