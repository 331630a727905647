import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of } from '../../../../../test/entities.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { BillingGuardrails } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';
import { isBillingAlarm } from './alarms.js';

const guardrails = (parts: Parameters<typeof snapshotJson>[0]) => of('BillingGuardrails', loadSnapshot('s.json', snapshotJson(parts)).entities);

describe('the billing guardrails of the recorded account', () => {
  it('its cost budget (not the usage one) and its metric-math alarm on the estimated charges', () => {
    const [g] = of('BillingGuardrails', loaded.entities);
    expect(g).toMatchObject<Partial<BillingGuardrails>>({
      id: 'arn:aws:budgets::123456789012:budget/*',
      accountId: '123456789012',
      costBudgets: ['monthly-cost'],
      billingAlarms: ['charges-over-forecast'],
      source: 'snapshot',
    });
    expect(g?.region).toBeUndefined();
    expect(g?.location).toMatchObject(at(['global', 'budgets', 'DescribeBudgets']));
  });
});

describe('the billing guardrails from snapshots', () => {
  it('none from a snapshot that asked for neither list', () => {
    expect(guardrails({})).toEqual([]);
  });

  it('a list that failed is unknown, not empty', () => {
    const [g] = guardrails({
      cloudwatch: { DescribeAlarms: { MetricAlarms: [] } },
      errors: [{ service: 'budgets', region: 'global', operation: 'DescribeBudgets', code: 'AccessDenied', message: 'no' }],
    });
    expect(g?.costBudgets).toBeUndefined();
    expect(g?.billingAlarms).toEqual([]);
    expect(g?.location).toMatchObject({ line: expect.any(Number) });
  });

  it('both lists failed: still an entity, located at the account, with neither known', () => {
    const [g] = guardrails({
      errors: [
        { service: 'budgets', region: 'global', operation: 'DescribeBudgets', code: 'AccessDenied', message: 'no' },
        { service: 'cloudwatch', region: 'global', operation: 'DescribeAlarms', code: 'AccessDenied', message: 'no' },
      ],
    });
    expect(g).toBeDefined();
    expect(g?.costBudgets).toBeUndefined();
    expect(g?.billingAlarms).toBeUndefined();
  });

  it('keeps only the alarms on the estimated charges, whoever wrote the snapshot', () => {
    const [g] = guardrails({
      budgets: { DescribeBudgets: { Budgets: [] } },
      cloudwatch: {
        DescribeAlarms: {
          MetricAlarms: [
            { AlarmName: 'cpu', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' },
            { AlarmName: 'other-billing-metric', Namespace: 'AWS/Billing', MetricName: 'SomethingElse' },
            { AlarmName: 'charges', Namespace: 'AWS/Billing', MetricName: 'EstimatedCharges' },
          ],
        },
      },
    });
    expect(g?.billingAlarms).toEqual(['charges']);
    expect(g?.costBudgets).toEqual([]);
  });
});

describe('isBillingAlarm', () => {
  it('on the metric, in metric math, or in a SEARCH over it', () => {
    expect(isBillingAlarm({ Namespace: 'AWS/Billing', MetricName: 'EstimatedCharges' })).toBe(true);
    expect(isBillingAlarm({ Metrics: [{ MetricStat: { Metric: { Namespace: 'AWS/Billing', MetricName: 'EstimatedCharges' } } }] })).toBe(true);
    expect(isBillingAlarm({ Metrics: [{ Expression: "SEARCH('{AWS/Billing,Currency} MetricName=\"EstimatedCharges\"', 'Maximum')" }] })).toBe(true);
    expect(isBillingAlarm({ Namespace: 'AWS/EC2', MetricName: 'EstimatedCharges' })).toBe(false);
    expect(isBillingAlarm({ Metrics: [{ Expression: 'm1 * 2' }] })).toBe(false);
    expect(isBillingAlarm({})).toBe(false);
  });
});
