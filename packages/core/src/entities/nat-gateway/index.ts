import type { EntitySlice } from '../slice.js';
import { natGatewaysFromSnapshot } from './snapshot.js';
import { natGatewaysOf } from './template.js';

export const natGateway: EntitySlice<'NatGateway'> = {
  kind: 'NatGateway',
  template: { what: 'NAT gateways', extract: (input) => natGatewaysOf(input.template, input.resolver, input.graph) },
  snapshot: natGatewaysFromSnapshot,
};
