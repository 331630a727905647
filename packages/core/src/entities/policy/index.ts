import type { EntitySlice } from '../slice.js';
import { userPoliciesFromSnapshot } from './snapshot.js';
import { policiesOf, withPrincipals } from './template.js';

export const policy: EntitySlice<'Policy'> = {
  kind: 'Policy',
  template: { what: 'IAM policies', extract: (input) => withPrincipals(policiesOf(input.template, input.resolver), input) },
  snapshot: userPoliciesFromSnapshot,
};
