import type { EntityBase } from '../../model/entity.js';
import type { Trail } from '../trail/types.js';

/** All trails of one template or one account, for rules about the set (none at all, duplicates). */
export interface TrailSet extends EntityBase {
  kind: 'TrailSet';
  scope: 'template' | 'account';
  trails: Trail[];
}
