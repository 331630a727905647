import type { EntitySlice } from '../slice.js';
import { scanPasswords } from './template.js';

export const passwordProperty: EntitySlice<'PasswordProperty'> = {
  kind: 'PasswordProperty',
  template: { what: 'passwords', extract: (input) => input.once(scanPasswords).passwords },
};
