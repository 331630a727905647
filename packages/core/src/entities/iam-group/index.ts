import type { EntitySlice } from '../slice.js';
import { iamGroupsFromSnapshot } from './snapshot.js';
import { iamGroupsOf } from './template.js';

export const iamGroup: EntitySlice<'IamGroup'> = {
  kind: 'IamGroup',
  template: { what: 'IAM groups', extract: (input) => iamGroupsOf(input.template, input.resolver, input.of('IamUser')) },
  snapshot: iamGroupsFromSnapshot,
};
