import type { StackRef } from '../model/entity.js';

/** A tag as AWS answers carry them: EC2, RDS, Auto Scaling and CloudTrail all name its fields `Key` and `Value`. */
export interface ApiTagLike {
  Key?: string | undefined;
  Value?: string | undefined;
}

/**
 * The stack CloudFormation made a resource in, from the tags it puts on everything it creates that
 * takes tags (`aws:cloudformation:stack-name`, `aws:cloudformation:logical-id`, `aws:cloudformation:stack-id`).
 * Both the name and the logical id are needed to find the resource in a template.
 */
export function stackOfTags(tags: readonly ApiTagLike[] | undefined): StackRef | undefined {
  if (!tags || tags.length === 0) return undefined;
  let name: string | undefined;
  let logicalId: string | undefined;
  let id: string | undefined;
  for (const t of tags) {
    if (typeof t?.Value !== 'string' || t.Value === '') continue;
    if (t.Key === 'aws:cloudformation:stack-name') name = t.Value;
    else if (t.Key === 'aws:cloudformation:logical-id') logicalId = t.Value;
    else if (t.Key === 'aws:cloudformation:stack-id') id = t.Value;
  }
  if (name === undefined || logicalId === undefined) return undefined;
  return id === undefined ? { name, logicalId } : { name, logicalId, id };
}

/** Sets `entity.stack` from a resource's tags when they name a stack; the entity is returned. */
export function withStack<E extends { stack?: StackRef }>(entity: E, tags: readonly ApiTagLike[] | undefined): E {
  const stack = stackOfTags(tags);
  if (stack) entity.stack = stack;
  return entity;
}
