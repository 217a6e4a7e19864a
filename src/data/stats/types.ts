// Shared result shape: every statistic names its method and echoes the parameters that shaped it,
// because peers disagree on defaults (log base, binning, epsilon) and a bare number is ambiguous.
export interface StatResult<P extends object = Record<string, unknown>> {
  method: string;
  statistic: number;
  p_value?: number;
  parameters: P;
}
