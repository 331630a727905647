import type { EntityBase } from '@mamori/core';

/** ` (when condition IsDev is true)`, or nothing: appended to messages about values reached through parameters or conditions. */
export function viaText(via: readonly string[] | undefined): string {
  return via && via.length > 0 ? ` (${via.join(', ')})` : '';
}

/** The `via` of one field of an entity, falling back to the entity's own. */
export function fieldViaText(entity: EntityBase, field: string): string {
  return viaText(entity.fieldVia?.[field] ?? entity.via);
}
