import type { EntitySlice } from '../slice.js';
import { rootAccountFromSnapshot } from './snapshot.js';

export const rootAccount: EntitySlice<'RootAccount'> = {
  kind: 'RootAccount',
  snapshot: rootAccountFromSnapshot,
};
