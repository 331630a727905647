import type { EntitySlice } from '../slice.js';
import { userPoliciesFromSnapshot } from './snapshot.js';
import { policiesOf } from './template.js';

export const policy: EntitySlice<'Policy'> = {
  kind: 'Policy',
  template: { what: 'IAM policies', extract: (input) => policiesOf(input.template, input.resolver) },
  snapshot: userPoliciesFromSnapshot,
};
