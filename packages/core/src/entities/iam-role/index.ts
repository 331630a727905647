import type { EntitySlice } from '../slice.js';
import { iamRolesFromSnapshot } from './snapshot.js';
import { iamRolesOf } from './template.js';

export const iamRole: EntitySlice<'IamRole'> = {
  kind: 'IamRole',
  template: { what: 'IAM roles', extract: (input) => iamRolesOf(input.template, input.resolver) },
  snapshot: iamRolesFromSnapshot,
};
