import type { SnapshotInput } from '../slice.js';
import { isBillingAlarm } from './alarms.js';
import type { BillingGuardrails } from './types.js';

/**
 * The account's cost budgets and billing alarms. None when the snapshot asked for neither (written
 * before mamori read them): there is nothing to judge, and no failed call to report.
 */
export function billingGuardrailsFromSnapshot(input: SnapshotInput): BillingGuardrails[] {
  const { budgets, cloudwatch } = input.snapshot.global;
  const listed = budgets?.DescribeBudgets?.Budgets;
  const alarms = cloudwatch?.DescribeAlarms?.MetricAlarms;
  const asked =
    listed !== undefined ||
    alarms !== undefined ||
    input.didFail('budgets', 'global', 'DescribeBudgets') ||
    input.didFail('cloudwatch', 'global', 'DescribeAlarms');
  if (!asked) return [];
  const arn = `arn:${input.partition}:budgets::${input.account}:budget/*`;
  const location =
    listed !== undefined
      ? input.loc.at(['global', 'budgets', 'DescribeBudgets'], arn)
      : alarms !== undefined
        ? input.loc.at(['global', 'cloudwatch', 'DescribeAlarms'], arn)
        : input.loc.at(['accountId'], arn);
  return [
    {
      kind: 'BillingGuardrails',
      id: arn,
      ...input.base(undefined),
      location,
      displayName: `account ${input.account}`,
      accountId: input.account,
      ...(listed !== undefined ? { costBudgets: listed.filter((b) => b.BudgetType === 'COST').map((b, i) => b.BudgetName ?? `budget ${i + 1}`) } : {}),
      ...(alarms !== undefined ? { billingAlarms: alarms.filter(isBillingAlarm).map((a, i) => a.AlarmName ?? `alarm ${i + 1}`) } : {}),
    },
  ];
}
