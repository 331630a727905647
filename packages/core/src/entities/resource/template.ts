import { toPlain } from '../../template/parsing/node.js';
import type { Template } from '../../template/types.js';
import type { ResourceEntity } from './types.js';

/** Every resource of the template as plain data (intrinsics in their long form), for declarative and plugin rules. */
export function resourceEntities(template: Template): ResourceEntity[] {
  return [...template.resources.values()].map((res) => ({
    kind: 'Resource',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    logicalId: res.logicalId,
    resourceType: res.type,
    properties: (res.properties ? toPlain(res.properties) : {}) as Record<string, unknown>,
    ...(res.metadata ? { metadata: toPlain(res.metadata) as Record<string, unknown> } : {}),
  }));
}
