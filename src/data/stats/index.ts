// Statistics for training-vs-production comparisons, each matching scipy where scipy defines it.
export { type Chi2Options, type Chi2Parameters, type Chi2Result, chi2Contingency } from './chi2.js';
export {
  binCounts,
  type CategoricalParameters,
  hellinger,
  type JsParameters,
  jensenShannon,
  lInfinity,
  PSI_DEFAULT_EPSILON,
  PSI_DEFAULT_QUANTILE_BINS,
  type PsiParameters,
  psi,
  psiFromCounts,
  quantileEdges,
  quantileEdgesAt,
  type WassersteinParameters,
  wasserstein,
} from './distances.js';
export { chi2Sf, gammaP, gammaQ, lnGamma } from './gamma.js';
export { kstwoSf, smirnovSf } from './kolmogorov.js';
export {
  type CountedSample,
  KS_MAX_AUTO_N,
  type KsMethod,
  type KsOptions,
  type KsParameters,
  type KsPValue,
  type KsResult,
  ks2samp,
  ks2sampCounts,
  ksPValue,
  ksStatistic,
} from './ks.js';
export type { StatResult } from './types.js';
