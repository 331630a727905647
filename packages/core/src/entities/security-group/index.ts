import type { EntitySlice } from '../slice.js';
import { securityGroupsFromSnapshot } from './snapshot.js';
import { securityGroupsOf } from './template.js';

export const securityGroup: EntitySlice<'SecurityGroup'> = {
  kind: 'SecurityGroup',
  template: { what: 'security groups', extract: (input) => securityGroupsOf(input.template, input.resolver, input.notifications) },
  snapshot: securityGroupsFromSnapshot,
};
