import type { EntityBase } from '../../model/entity.js';

/** Any template resource, as plain data (intrinsics in their long form), for declarative and plugin rules. */
export interface ResourceEntity extends EntityBase {
  kind: 'Resource';
  logicalId: string;
  resourceType: string;
  properties: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}
