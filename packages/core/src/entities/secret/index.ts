import type { EntitySlice } from '../slice.js';
import { templateSecrets } from './template.js';

export const secret: EntitySlice<'Secret'> = {
  kind: 'Secret',
  template: { what: 'hard-coded secrets', extract: (input) => templateSecrets(input.template, input.notifications) },
};
