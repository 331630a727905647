import type { EntityBase, SourceLocation, TemplateFix, TemplatePath } from '@mamori/core';

/** A template entity's logical id: ids are `file#LogicalId`, and a logical id has no `#`. */
function logicalIdOf(entity: EntityBase): string {
  return entity.id.slice(entity.id.lastIndexOf('#') + 1);
}

/**
 * A fix writing `property: value` (and any `also` properties) in a template resource's `Properties`,
 * replacing a literal value or adding the property. Where a value comes through a parameter that
 * nothing else uses, its `Default` is set; through a mapping or `Fn::If`, the fix is refused with the
 * reason when the file is read.
 */
export function propertyFix(
  entity: EntityBase,
  property: string,
  value: boolean | number | string,
  also: Readonly<Record<string, boolean | number | string>> = {},
): TemplateFix | undefined {
  if (entity.source !== 'template') return undefined;
  const logicalId = logicalIdOf(entity);
  return {
    edits: Object.entries({ [property]: value, ...also }).map(([key, v]) => ({ op: 'set', path: ['Resources', logicalId, 'Properties', key], value: v })),
  };
}

/**
 * The path in the template of a value a template loader located with its `logicalPath`
 * (`Sg/SecurityGroupIngress/0/CidrIp`: a resource's logical id, then the keys and list indexes
 * under its `Properties`); undefined for an account's location.
 */
export function propertyPathOf(location: SourceLocation): TemplatePath | undefined {
  const parts = location.logicalPath?.split('/');
  if (!parts || parts.length < 2 || location.arn !== undefined) return undefined;
  const [logicalId, ...rest] = parts;
  if (rest[0] === 'Properties') rest.shift();
  return ['Resources', logicalId as string, 'Properties', ...rest.map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
}
