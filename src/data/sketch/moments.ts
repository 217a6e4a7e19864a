// Streaming central moments (count, min, max, mean, variance, skewness, kurtosis) with an exact
// parallel merge. Updates are Welford/Terriberry's; merge is Chan et al. (1979) extended to the third
// and fourth moments by Pébay (2008), so a profile merged from parts equals the profile of the whole
// up to floating-point rounding.

export interface MomentsJSON {
  v: 1;
  kind: 'moments';
  n: number;
  missing: number;
  /** ±Infinity values: counted, kept out of the moments (they would make every moment non-finite). */
  infinite: number;
  min: number | null;
  max: number | null;
  mean: number;
  m2: number;
  m3: number;
  m4: number;
}

export class Moments {
  /** Finite values summarised. */
  n = 0;
  /** null, undefined and NaN. */
  missing = 0;
  infinite = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  mean = 0;
  // Sums of powers of deviations from the mean.
  m2 = 0;
  m3 = 0;
  m4 = 0;

  /** Adds `value` `weight` times (a point mass merged in: the same result as repeated adds, to rounding). */
  add(value: number | null | undefined, weight = 1): this {
    if (value === null || value === undefined || Number.isNaN(value)) {
      this.missing += weight;
      return this;
    }
    if (!Number.isFinite(value)) {
      this.infinite += weight;
      return this;
    }
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    // Chan/Pébay merge of (na, mean, m2, m3, m4) with a point mass (w, value, 0, 0, 0).
    const na = this.n;
    const w = weight;
    const n = na + w;
    const delta = value - this.mean;
    const dn = delta / n;
    const t1 = delta * dn * na * w;
    this.mean += dn * w;
    // Order matters: m4 uses the old m2 and m3, m3 the old m2.
    this.m4 += t1 * dn * dn * (na * na - na * w + w * w) + 6 * dn * dn * w * w * this.m2 - 4 * dn * w * this.m3;
    this.m3 += t1 * dn * (na - w) - 3 * dn * w * this.m2;
    this.m2 += t1;
    this.n = n;
    return this;
  }

  /**
   * The moments of finite `values` with their `weights`, in two passes (the mean, then the centred
   * sums): the same summary as adding them one by one, to rounding, at a fraction of the cost.
   */
  static fromWeighted(values: Float64Array, weights: Float64Array): Moments {
    const m = new Moments();
    let n = 0;
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i] as number;
      const w = weights[i] as number;
      n += w;
      sum += w * x;
      if (x < m.min) m.min = x;
      if (x > m.max) m.max = x;
    }
    if (n === 0) return new Moments();
    const mean = sum / n;
    for (let i = 0; i < values.length; i++) {
      const e = (values[i] as number) - mean;
      const we2 = (weights[i] as number) * e * e;
      m.m2 += we2;
      m.m3 += we2 * e;
      m.m4 += we2 * e * e;
    }
    m.n = n;
    m.mean = mean;
    return m;
  }

  addAll(values: Iterable<number | null | undefined>): this {
    for (const v of values) this.add(v);
    return this;
  }

  /** Folds `other` into this (Chan/Pébay pairwise formulas). Exact up to rounding, commutative. */
  merge(other: Moments): this {
    this.missing += other.missing;
    this.infinite += other.infinite;
    if (other.n === 0) return this;
    if (this.n === 0) {
      this.n = other.n;
      this.min = other.min;
      this.max = other.max;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.m3 = other.m3;
      this.m4 = other.m4;
      return this;
    }
    const na = this.n;
    const nb = other.n;
    const n = na + nb;
    const delta = other.mean - this.mean;
    const d2 = delta * delta;
    const d3 = d2 * delta;
    const d4 = d2 * d2;
    const m2 = this.m2 + other.m2 + (d2 * na * nb) / n;
    const m3 =
      this.m3 + other.m3 + (d3 * na * nb * (na - nb)) / (n * n) + (3 * delta * (na * other.m2 - nb * this.m2)) / n;
    const m4 =
      this.m4 +
      other.m4 +
      (d4 * na * nb * (na * na - na * nb + nb * nb)) / (n * n * n) +
      (6 * d2 * (na * na * other.m2 + nb * nb * this.m2)) / (n * n) +
      (4 * delta * (na * other.m3 - nb * this.m3)) / n;
    // Weighted mean rather than mean + delta*nb/n: symmetric in a and b, so merge is commutative.
    this.mean = (na * this.mean + nb * other.mean) / n;
    this.m2 = m2;
    this.m3 = m3;
    this.m4 = m4;
    this.n = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    return this;
  }

  clone(): Moments {
    return Moments.fromJSON(this.toJSON());
  }

  /** Population variance (divides by n); NaN when empty. */
  get variance(): number {
    return this.n > 0 ? this.m2 / this.n : Number.NaN;
  }

  /** Sample variance (divides by n - 1); NaN below two values. */
  get sampleVariance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : Number.NaN;
  }

  get stddev(): number {
    return Math.sqrt(this.variance);
  }

  get sampleStddev(): number {
    return Math.sqrt(this.sampleVariance);
  }

  /** Population skewness g1 = m3/n / (m2/n)^1.5 (scipy.stats.skew, bias=True); NaN if constant. */
  get skewness(): number {
    if (this.n === 0 || this.m2 === 0) return Number.NaN;
    return (Math.sqrt(this.n) * this.m3) / this.m2 ** 1.5;
  }

  /** Population excess kurtosis g2 = n*m4/m2^2 - 3 (scipy.stats.kurtosis, fisher, bias=True). */
  get kurtosis(): number {
    if (this.n === 0 || this.m2 === 0) return Number.NaN;
    return (this.n * this.m4) / (this.m2 * this.m2) - 3;
  }

  toJSON(): MomentsJSON {
    const empty = this.n === 0;
    return {
      v: 1,
      kind: 'moments',
      n: this.n,
      missing: this.missing,
      infinite: this.infinite,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      mean: this.mean,
      m2: this.m2,
      m3: this.m3,
      m4: this.m4,
    };
  }

  static fromJSON(json: MomentsJSON): Moments {
    if (json?.kind !== 'moments' || json.v !== 1) throw new Error('Moments.fromJSON: not a v1 moments summary');
    const m = new Moments();
    m.n = json.n;
    m.missing = json.missing;
    m.infinite = json.infinite;
    m.min = json.min ?? Number.POSITIVE_INFINITY;
    m.max = json.max ?? Number.NEGATIVE_INFINITY;
    m.mean = json.mean;
    m.m2 = json.m2;
    m.m3 = json.m3;
    m.m4 = json.m4;
    return m;
  }
}
