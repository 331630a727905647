/** The metric AWS publishes an account's estimated charges on, in us-east-1 only. */
export const BILLING_NAMESPACE = 'AWS/Billing';
export const BILLING_METRIC = 'EstimatedCharges';

/** A metric as an alarm names it. */
export interface MetricLike {
  Namespace?: string | undefined;
  MetricName?: string | undefined;
}

/** What of a CloudWatch metric alarm tells whether it watches the estimated charges, as the SDK and a snapshot give it. */
export interface AlarmLike extends MetricLike {
  Metrics?: readonly { Expression?: string | undefined; MetricStat?: { Metric?: MetricLike | undefined } | undefined }[] | undefined;
}

const isCharges = (m: MetricLike | undefined): boolean => m?.Namespace === BILLING_NAMESPACE && m.MetricName === BILLING_METRIC;

/**
 * Whether an alarm watches the account's estimated charges: on the metric itself, or on metric
 * math over it (a query of the metric, or a SEARCH expression naming it).
 */
export function isBillingAlarm(alarm: AlarmLike): boolean {
  if (isCharges(alarm)) return true;
  return (alarm.Metrics ?? []).some(
    (q) => isCharges(q.MetricStat?.Metric) || (q.Expression?.includes(BILLING_NAMESPACE) === true && q.Expression.includes(BILLING_METRIC)),
  );
}
