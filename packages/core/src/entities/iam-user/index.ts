import type { EntitySlice } from '../slice.js';
import { iamUsersFromSnapshot } from './snapshot.js';
import { iamUsersOf } from './template.js';

export const iamUser: EntitySlice<'IamUser'> = {
  kind: 'IamUser',
  template: { what: 'IAM users', extract: (input) => iamUsersOf(input.template, input.resolver) },
  snapshot: iamUsersFromSnapshot,
};
