import type { EntityBase, TemplateFix } from '@mamori/core';

/**
 * A fix writing `property: value` (and any `also` properties) in a template resource's `Properties`,
 * replacing a literal value or adding the property. Where a value comes through a parameter, a
 * mapping or `Fn::If`, the fix is refused with the reason when the file is read (the path holds an
 * intrinsic function, not a literal).
 */
export function propertyFix(
  entity: EntityBase,
  property: string,
  value: boolean | number | string,
  also: Readonly<Record<string, boolean | number | string>> = {},
): TemplateFix | undefined {
  if (entity.source !== 'template') return undefined;
  // Template entity ids are `file#LogicalId`; a logical id has no `#`.
  const logicalId = entity.id.slice(entity.id.lastIndexOf('#') + 1);
  const values = { [property]: value, ...also };
  return {
    description: `Set ${Object.entries(values)
      .map(([k, v]) => `${k} to ${JSON.stringify(v)}`)
      .join(' and ')} on ${logicalId}.`,
    edits: Object.entries(values).map(([key, v]) => ({ op: 'set', path: ['Resources', logicalId, 'Properties', key], value: v })),
  };
}
