// Controlled vocabularies: one canonical id per concept, with the spellings people and TEC use
// accepted as synonyms. Matching ignores case, spaces, dashes, underscores and brackets, so
// `Float`, `float`, `FLOAT` and `float64` all mean `float`.

export interface Vocabulary<T extends string = string> {
  readonly name: string;
  readonly values: readonly T[];
  /** The TEC label of each value, where TEC has one (used by the TEC exporter). */
  readonly tec: Partial<Record<T, string>>;
  normalize(input: string): T | undefined;
}

export function squash(text: string): string {
  return text.toLowerCase().replace(/[\s\-_()./]+/g, '');
}

export function vocabulary<T extends string>(
  name: string,
  entries: Record<T, { synonyms?: string[]; tec?: string }>,
): Vocabulary<T> {
  const lookup = new Map<string, T>();
  const tec: Partial<Record<T, string>> = {};
  const values = Object.keys(entries) as T[];
  for (const value of values) {
    const entry = entries[value];
    lookup.set(squash(value), value);
    if (entry.tec) {
      tec[value] = entry.tec;
      lookup.set(squash(entry.tec), value);
    }
    for (const s of entry.synonyms ?? []) lookup.set(squash(s), value);
  }
  return { name, values, tec, normalize: (input) => lookup.get(squash(input)) };
}

/** The one canonical set of item and field types (DESIGN §4). */
export const itemTypes = vocabulary('item type', {
  boolean: { synonyms: ['bool', 'bit', 'logical', 'binary flag'] },
  integer: {
    tec: 'Integer',
    synonyms: [
      'int',
      'int8',
      'int16',
      'int32',
      'int64',
      'uint8',
      'uint16',
      'uint32',
      'uint64',
      'long',
      'short',
      'bigint',
      'count',
    ],
  },
  float: {
    tec: 'Float',
    synonyms: [
      'double',
      'number',
      'numeric',
      'real',
      'decimal',
      'float16',
      'float32',
      'float64',
      'fp32',
      'fp16',
      'single',
    ],
  },
  string: { tec: 'String', synonyms: ['str', 'text', 'character', 'char', 'varchar', 'utf8', 'object'] },
  category: { synonyms: ['categorical', 'enum', 'factor', 'label', 'class', 'nominal', 'ordinal'] },
  datetime: { synonyms: ['date', 'time', 'timestamp', 'date time', 'datetime64', 'timestamptz'] },
  image: { tec: 'Image', synonyms: ['img', 'picture', 'photo'] },
  tensor: { synonyms: ['array', 'ndarray', 'vector', 'matrix', 'embedding'] },
  other: { tec: 'Other' },
});
export type ItemType = (typeof itemTypes.values)[number];

export const mlProblems = vocabulary('ML problem type', {
  alert: { tec: 'Alert' },
  benchmarking: { tec: 'Benchmarking' },
  classification: { tec: 'Classification' },
  clustering: { tec: 'Clustering' },
  'content-generation': { tec: 'Content Generation', synonyms: ['generation', 'generative'] },
  detection: { tec: 'Detection', synonyms: ['object detection', 'anomaly detection'] },
  forecasting: { tec: 'Forecasting', synonyms: ['forecast', 'time series forecasting'] },
  goals: { tec: 'Goals' },
  regression: {},
  ranking: { synonyms: ['recommendation'] },
  summarization: { tec: 'Summarization', synonyms: ['summarisation'] },
  trend: { tec: 'Trend' },
  other: { tec: 'Other' },
});

export const dataSourceTypes = vocabulary('data source type', {
  enterprise: { tec: 'Enterprise Data', synonyms: ['enterprise', 'internal'] },
  public: { tec: 'Public Data Source', synonyms: ['public data', 'open data'] },
  synthetic: { tec: 'Synthetic Data' },
  simulated: { tec: 'Simulated Data', synonyms: ['simulation'] },
  other: { tec: 'Other' },
});

export const algorithms = vocabulary('learning algorithm', {
  rnn: { tec: 'Recurring Neural Network (RNN)', synonyms: ['recurrent neural network', 'lstm', 'gru'] },
  cnn: { tec: 'Convolutional Neural Network (CNN)', synonyms: ['convolutional neural network'] },
  'gradient-boosting': {
    tec: 'Gradient Boosting Tree (GBT)',
    synonyms: ['gbt', 'gbm', 'gradient boosting', 'xgboost', 'lightgbm', 'catboost', 'gradient boosted trees'],
  },
  'linear-regression': { tec: 'Linear Regression' },
  'bayesian-network': { tec: 'Bayesian Network' },
  'random-forest': { tec: 'Random Forest' },
  svm: { tec: 'Support Vector Machine (SVM)', synonyms: ['support vector machine'] },
  'logistic-regression': { tec: 'Logistic Regression' },
  knn: { tec: 'K-Nearest Neighbors (KNN)', synonyms: ['k nearest neighbours', 'k nearest neighbors'] },
  'naive-bayes': { tec: 'Naive Bayes Classifier', synonyms: ['naive bayes'] },
  'decision-tree': {},
  transformer: { synonyms: ['llm'] },
  'neural-network': { synonyms: ['mlp', 'multilayer perceptron', 'dnn'] },
  other: { tec: 'Other' },
});

/** Evaluation, test and goal metrics. */
export const metrics = vocabulary('metric', {
  accuracy: { tec: 'Accuracy', synonyms: ['acc'] },
  'false-positive-rate': { tec: 'False Positive Rate', synonyms: ['fpr', 'fall out'] },
  'false-negative-rate': { tec: 'False Negative Rate', synonyms: ['fnr', 'miss rate'] },
  precision: { tec: 'Positive Predictive Value (PPV)', synonyms: ['ppv', 'positive predictive value'] },
  npv: { tec: 'Negative Predictive Value (NPV)', synonyms: ['negative predictive value'] },
  f1: { tec: 'F1 Score', synonyms: ['f1 score', 'f score', 'f measure'] },
  recall: { synonyms: ['sensitivity', 'true positive rate', 'tpr', 'hit rate'] },
  specificity: { synonyms: ['true negative rate', 'tnr', 'selectivity'] },
  'roc-auc': { synonyms: ['auc', 'auroc', 'roc auc', 'area under the roc curve'] },
  'pr-auc': { synonyms: ['average precision', 'auprc'] },
  'log-loss': { synonyms: ['cross entropy', 'logloss'] },
  brier: { synonyms: ['brier score'] },
  mae: { synonyms: ['mean absolute error'] },
  mse: { synonyms: ['mean squared error'] },
  rmse: { synonyms: ['root mean squared error'] },
  r2: { synonyms: ['r squared', 'coefficient of determination'] },
  mape: { synonyms: ['mean absolute percentage error'] },
  other: { tec: 'Other' },
});
export type MetricId = (typeof metrics.values)[number];

/** Metrics where a lower value is better; every other metric is better when higher. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set([
  'false-positive-rate',
  'false-negative-rate',
  'log-loss',
  'brier',
  'mae',
  'mse',
  'rmse',
  'mape',
]);

export const operators = vocabulary('operator', {
  '>': { tec: 'greater than', synonyms: ['gt', 'above', 'more than'] },
  '>=': {
    tec: 'greater or equal than',
    synonyms: ['ge', 'gte', 'greater or equal', 'greater than or equal to', 'at least'],
  },
  '<': { tec: 'less than', synonyms: ['lt', 'below', 'fewer than'] },
  '<=': {
    tec: 'less or equal than',
    synonyms: ['le', 'lte', 'less or equal', 'less than or equal to', 'at most'],
  },
  '==': { tec: 'equal to', synonyms: ['=', 'eq', 'equals', 'equal'] },
  '!=': { tec: 'different than', synonyms: ['<>', 'ne', 'not equal', 'not equal to', 'different from'] },
});
export type Operator = (typeof operators.values)[number];

export const errorHandlingTypes = vocabulary('error handling', {
  'log-to-console': { tec: 'Log to console' },
  'log-to-file': { tec: 'Log to file' },
  'return-error-code': { tec: 'Return error code' },
  'return-none': { tec: 'Return none', synonyms: ['return null', 'none', 'null'] },
  'use-default': { synonyms: ['default', 'impute', 'use default value'] },
  reject: { synonyms: ['drop', 'raise', 'throw'] },
});

export const deploymentPlatforms = vocabulary('deployment platform', {
  'local-server': {
    tec: 'Local Server',
    synonyms: ['on premises', 'on prem', 'onprem', 'on-premise', 'server', 'data center'],
  },
  cloud: { tec: 'Cloud', synonyms: ['public cloud', 'aws', 'azure', 'gcp', 'google cloud'] },
  'private-cloud': { synonyms: ['government cloud', 'govcloud'] },
  embedded: { tec: 'Embedded Platform', synonyms: ['embedded platform', 'device', 'mobile'] },
  edge: { synonyms: ['edge device', 'edge server'] },
  other: {},
});

export const deploymentMechanisms = vocabulary('deployment mechanism', {
  api: { tec: 'API', synonyms: ['rest', 'rest api', 'http', 'grpc', 'service'] },
  'user-facing': { tec: 'User-Facing', synonyms: ['ui', 'user interface'] },
  'output-to-component': {
    tec: 'Output to System Component',
    synonyms: ['output to system component', 'component'],
  },
  batch: { synonyms: ['batch job', 'offline'] },
  other: {},
});

/** Statistics people write by hand in training-data and production-data descriptors. */
export const statisticProperties = vocabulary('statistic', {
  mean: { tec: 'Mean', synonyms: ['average', 'avg'] },
  median: { tec: 'Median', synonyms: ['p50', 'q2'] },
  trimean: { tec: 'Trimean' },
  std: { tec: 'Standard Deviation', synonyms: ['stddev', 'sd', 'standard deviation'] },
  variance: { synonyms: ['var'] },
  q1: { tec: 'First Quartile', synonyms: ['first quartile', 'p25', 'lower quartile'] },
  q3: { tec: 'Third Quartile', synonyms: ['third quartile', 'p75', 'upper quartile'] },
  iqr: { tec: 'IQR', synonyms: ['interquartile range'] },
  min: { synonyms: ['minimum'] },
  max: { synonyms: ['maximum'] },
  skew: { tec: 'Skew', synonyms: ['skewness'] },
  kurtosis: { tec: 'Kurtosis' },
  gini: { tec: 'Gini Coefficient', synonyms: ['gini coefficient', 'gini index'] },
  entropy: { tec: 'Entropy' },
  'missing-share': { synonyms: ['missing', 'missing rate', 'null rate', 'missing percentage'] },
  'distribution-type': { tec: 'Distribution Type', synonyms: ['distribution'] },
  other: {},
});

/** The roles that own descriptors and must talk when a finding involves them (DESIGN §1). */
export const roles = vocabulary('role', {
  'product-owner': {
    synonyms: ['product owner', 'system owner', 'system architect', 'architect', 'owner', 'product'],
  },
  'data-engineer': { synonyms: ['data owner', 'data provider', 'data engineering'] },
  'data-scientist': {
    synonyms: ['model developer', 'ml engineer', 'ml scientist', 'data science', 'model evaluator'],
  },
  'software-engineer': { synonyms: ['system integrator', 'integrator', 'developer', 'software engineering'] },
  operations: { synonyms: ['ops', 'operator', 'sre', 'devops', 'mlops', 'platform'] },
});
export type Role = (typeof roles.values)[number];
