import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const budget = (BudgetName: string, BudgetType: string) => ({ BudgetName, BudgetType, TimeUnit: 'MONTHLY', BudgetLimit: { Amount: '100.0', Unit: 'USD' } });
const billingAlarm = { AlarmName: 'charges', Namespace: 'AWS/Billing', MetricName: 'EstimatedCharges', Dimensions: [{ Name: 'Currency', Value: 'USD' }] };
const mathAlarm = {
  AlarmName: 'charges-math',
  Metrics: [
    { Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/Billing', MetricName: 'EstimatedCharges' } } },
    { Id: 'e1', Expression: 'm1 * 1.1' },
  ],
};
const searchAlarm = {
  AlarmName: 'charges-search',
  Metrics: [{ Id: 'e1', Expression: "SUM(SEARCH('{AWS/Billing,Currency} MetricName=\"EstimatedCharges\"', 'Maximum', 21600))" }],
};
const cpuAlarm = { AlarmName: 'cpu', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' };
const none = { budgets: { DescribeBudgets: { Budgets: [] } }, cloudwatch: { DescribeAlarms: { MetricAlarms: [] } } };
const denied = (service: string, operation: string) => ({ service, region: 'global', operation, code: 'AccessDenied', message: 'not authorized' });

ruleTester.run(rule, {
  valid: [
    { name: 'a cost budget', snapshot: snapshotJson({ ...none, budgets: { DescribeBudgets: { Budgets: [budget('monthly', 'COST')] } } }) },
    { name: 'an alarm on the estimated charges', snapshot: snapshotJson({ ...none, cloudwatch: { DescribeAlarms: { MetricAlarms: [billingAlarm] } } }) },
    {
      name: 'a metric-math alarm over the estimated charges',
      snapshot: snapshotJson({ ...none, cloudwatch: { DescribeAlarms: { MetricAlarms: [mathAlarm] } } }),
    },
    {
      name: 'a SEARCH expression over the billing metric',
      snapshot: snapshotJson({ ...none, cloudwatch: { DescribeAlarms: { MetricAlarms: [searchAlarm] } } }),
    },
    {
      name: 'budgets denied, but a billing alarm is there',
      snapshot: snapshotJson({ cloudwatch: { DescribeAlarms: { MetricAlarms: [billingAlarm] } }, errors: [denied('budgets', 'DescribeBudgets')] }),
    },
    {
      name: 'budgets denied and no billing alarm: not evaluated, not a finding',
      snapshot: snapshotJson({ cloudwatch: { DescribeAlarms: { MetricAlarms: [] } }, errors: [denied('budgets', 'DescribeBudgets')] }),
    },
    {
      name: 'alarms denied and no budget: not evaluated either',
      snapshot: snapshotJson({ budgets: { DescribeBudgets: { Budgets: [] } }, errors: [denied('cloudwatch', 'DescribeAlarms')] }),
    },
    { name: 'a snapshot that asked for neither', snapshot: snapshotJson({}) },
    {
      name: 'a template with a budget says nothing about an account',
      template: 'Resources:\n  B:\n    Type: AWS::Budgets::Budget\n    Properties:\n      Budget: { BudgetType: COST, TimeUnit: MONTHLY }\n',
    },
  ],
  invalid: [
    {
      name: 'no budget and no alarm at all',
      snapshot: snapshotJson(none),
      errors: [{ messageId: 'none', at: ['global', 'budgets', 'DescribeBudgets'], data: { account: '123456789012' } }],
    },
    {
      name: 'only usage and Savings Plans budgets, and alarms on other metrics',
      snapshot: snapshotJson({
        budgets: { DescribeBudgets: { Budgets: [budget('hours', 'USAGE'), budget('sp', 'SAVINGS_PLANS_UTILIZATION')] } },
        cloudwatch: { DescribeAlarms: { MetricAlarms: [cpuAlarm] } },
      }),
      errors: [{ messageId: 'none', at: ['global', 'budgets', 'DescribeBudgets'] }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
