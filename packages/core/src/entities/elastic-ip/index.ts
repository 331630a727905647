import type { EntitySlice } from '../slice.js';
import { elasticIpsFromSnapshot } from './snapshot.js';
import { elasticIpsOf } from './template.js';

export const elasticIp: EntitySlice<'ElasticIp'> = {
  kind: 'ElasticIp',
  template: { what: 'Elastic IPs', extract: (input) => elasticIpsOf(input.template, input.resolver, input.graph) },
  snapshot: elasticIpsFromSnapshot,
};
