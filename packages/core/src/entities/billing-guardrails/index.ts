import type { EntitySlice } from '../slice.js';
import { billingGuardrailsFromSnapshot } from './snapshot.js';

/** Account-only: a template cannot show that an account has no budget or billing alarm. */
export const billingGuardrails: EntitySlice<'BillingGuardrails'> = {
  kind: 'BillingGuardrails',
  snapshot: billingGuardrailsFromSnapshot,
};
