import type { EntitySlice } from '../slice.js';
import { accessKeysOf } from './template.js';

export const accessKeyResource: EntitySlice<'AccessKeyResource'> = {
  kind: 'AccessKeyResource',
  template: { what: 'access keys', extract: (input) => accessKeysOf(input.template, input.resolver) },
};
