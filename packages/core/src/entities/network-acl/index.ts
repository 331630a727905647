import type { EntitySlice } from '../slice.js';
import { networkAclsFromSnapshot } from './snapshot.js';
import { networkAclsOf } from './template.js';

export const networkAcl: EntitySlice<'NetworkAcl'> = {
  kind: 'NetworkAcl',
  template: { what: 'network ACLs', extract: (input) => networkAclsOf(input.template, input.resolver, input.graph, input.notifications) },
  snapshot: networkAclsFromSnapshot,
};
