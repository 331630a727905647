import type { EntitySlice } from '../slice.js';
import { trailSetFromSnapshot } from './snapshot.js';
import { trailSetOf } from './template.js';

export const trailSet: EntitySlice<'TrailSet'> = {
  kind: 'TrailSet',
  template: { what: 'trails', extract: (input) => trailSetOf(input.template, input.of('Trail')) },
  snapshot: trailSetFromSnapshot,
};
