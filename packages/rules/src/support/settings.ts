import type { EntityBase, SettingSource, SourceLocation } from '@mamori/core';

/** ` (default of parameter X, when condition C is true)`, or nothing when the value is written plainly. */
export { viaText } from '../lib/text.js';

/** Where to report a setting: where the template writes it, else the entity (a snapshot's resource, a template's resource key). */
export function settingLocation(entity: Pick<EntityBase, 'location'>, source: SettingSource | undefined): SourceLocation {
  return source?.location ?? entity.location;
}
