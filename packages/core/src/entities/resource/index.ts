import type { EntitySlice } from '../slice.js';
import { resourceEntities } from './template.js';

export const resource: EntitySlice<'Resource'> = {
  kind: 'Resource',
  template: { what: 'resources', onDemand: true, extract: (input) => resourceEntities(input.template) },
};
