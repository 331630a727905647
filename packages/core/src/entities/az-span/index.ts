import type { EntitySlice } from '../slice.js';
import { azSpansFromSnapshot } from './snapshot.js';
import { azSpansOf } from './template.js';

export const azSpan: EntitySlice<'AzSpan'> = {
  kind: 'AzSpan',
  template: { what: 'availability-zone spans', extract: (input) => azSpansOf(input.template, input.resolver) },
  snapshot: azSpansFromSnapshot,
};
