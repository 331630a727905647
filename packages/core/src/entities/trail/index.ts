import type { EntitySlice } from '../slice.js';
import { trailsFromSnapshot } from './snapshot.js';
import { trailsOf } from './template.js';

export const trail: EntitySlice<'Trail'> = {
  kind: 'Trail',
  template: { what: 'trails', extract: (input) => trailsOf(input.template, input.resolver, input.graph) },
  snapshot: trailsFromSnapshot,
};
