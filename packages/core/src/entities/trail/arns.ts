/**
 * True for a trail's data resource value that covers every resource of its type: `arn:aws:s3` or
 * `arn:aws:s3:::` (every bucket), `arn:aws:lambda`, `arn:aws:dynamodb`, and the service-only ARNs
 * advanced selectors take for other types. Templates and snapshots judge the same values the same way.
 */
export function coversAllResources(value: string): boolean {
  return /^arn:[a-z-]+:[a-z0-9-]+(:::?)?$/.test(value.trim());
}
