import type { EntitySlice } from '../slice.js';
import { instancesFromSnapshot } from './snapshot.js';
import { instancesOf } from './template.js';

export const instance: EntitySlice<'Instance'> = {
  kind: 'Instance',
  template: { what: 'instances', extract: (input) => instancesOf(input.template, input.resolver, input.graph) },
  snapshot: instancesFromSnapshot,
};
