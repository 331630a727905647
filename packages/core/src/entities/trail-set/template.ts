import type { Template } from '../../template/types.js';
import type { Trail } from '../trail/types.js';
import type { TrailSet } from './types.js';

/** The template's trails as one set, for rules about the whole (duplicates); none without trails. */
export function trailSetOf(template: Template, trails: Trail[]): TrailSet[] {
  if (trails.length === 0) return [];
  return [
    {
      kind: 'TrailSet',
      id: `${template.file}#trails`,
      source: 'template',
      location: trails[0]?.location ?? { file: template.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      displayName: template.file,
      scope: 'template',
      trails,
    },
  ];
}
