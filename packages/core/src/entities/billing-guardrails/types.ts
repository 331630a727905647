import type { EntityBase } from '../../model/entity.js';

/**
 * Whether the account's spending is watched with thresholds: its cost budgets and its alarms on
 * the estimated charges. Only an account gives it: a template cannot show that an account has
 * none (a budget may be made in the console or another stack).
 */
export interface BillingGuardrails extends EntityBase {
  kind: 'BillingGuardrails';
  accountId: string;
  /** Names of the budgets of type COST; undefined when the budgets could not be read. */
  costBudgets?: string[];
  /** Names of the alarms on the AWS/Billing `EstimatedCharges` metric (in us-east-1); undefined when the alarms could not be read. */
  billingAlarms?: string[];
}
