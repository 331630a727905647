import type { SourceLocation } from '../../model/location.js';
import type { ApiAdvancedEventSelector, ApiEventSelector, ApiLifecycleRule, ApiTrail, RegionalResponses } from '../../snapshot/format.js';
import type { PathKey } from '../../snapshot/locator.js';
import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import { coversAllResources } from './arns.js';
import type { Trail, TrailDataEventSelector } from './types.js';

/** The key prefix CloudTrail writes a trail's log files under. */
export function trailLogPrefix(s3KeyPrefix: string | undefined): string {
  const prefix = (s3KeyPrefix ?? '').replace(/^\/+|\/+$/g, '');
  return prefix === '' ? 'AWSLogs/' : `${prefix}/AWSLogs/`;
}

/** Whether a lifecycle rule's filter takes in (some of) the objects under `keyPrefix`. CloudTrail's log files carry no tags. */
function appliesTo(rule: ApiLifecycleRule, keyPrefix: string): boolean {
  const f = rule.Filter;
  if (f?.Tag !== undefined || (f?.And?.Tags?.length ?? 0) > 0) return false;
  const p = f?.Prefix ?? f?.And?.Prefix ?? rule.Prefix ?? '';
  return keyPrefix.startsWith(p) || p.startsWith(keyPrefix);
}

/**
 * A lifecycle rule that expires or transitions objects, so old logs stop costing Standard storage
 * forever. With `keyPrefix` (where a trail writes), the rule must also apply to objects there.
 */
export function lifecycleRuleAgesOut(rule: ApiLifecycleRule, keyPrefix?: string): boolean {
  if (rule.Status !== 'Enabled') return false;
  if (keyPrefix !== undefined && !appliesTo(rule, keyPrefix)) return false;
  return (
    rule.Expiration?.Days !== undefined ||
    rule.Expiration?.Date !== undefined ||
    (rule.Transitions?.length ?? 0) > 0 ||
    rule.NoncurrentVersionExpiration !== undefined ||
    (rule.NoncurrentVersionTransitions?.length ?? 0) > 0
  );
}

/** Every trail once, however many regions list it (multi-region and organization trails show in each). */
export function trailsFromSnapshot(input: SnapshotInput): Trail[] {
  const seen = new Map<string, { trail: ApiTrail; region: string; index: number }>();
  for (const [region, r] of input.regions()) {
    (r.cloudtrail?.DescribeTrails?.trailList ?? []).forEach((t, index) => {
      const key = t.TrailARN ?? `${region}/${t.Name}`;
      const prev = seen.get(key);
      // Locate a trail where it lives (its home region) when that region was read.
      if (!prev || (t.HomeRegion === region && prev.region !== region)) seen.set(key, { trail: t, region, index });
    });
  }
  const lifecycles = input.snapshot.global.s3?.GetBucketLifecycleConfiguration ?? {};
  return [...seen.entries()].map(([key, { trail: t, region, index }]) => {
    const arn = t.TrailARN ?? `arn:${input.partition}:cloudtrail:${region}:${input.account}:trail/${t.Name}`;
    const name = t.Name ?? key;
    const status = perResource(input, 'GetTrailStatus', arn);
    const selectors = perResource(input, 'GetEventSelectors', arn);
    // Pages of one answer each list the trail again, with more of its tags.
    const tags = perResource(input, 'ListTags', arn)?.value.ResourceTagList?.flatMap((r) => (r.ResourceId === arn ? (r.TagsList ?? []) : []));
    const bucket = t.S3BucketName;
    const lifecycle = bucket ? lifecycles[bucket] : undefined;
    const selection = selectors ? eventSelection(selectors.value, (path) => input.loc.at([...selectors.path, ...path], arn)) : undefined;
    const trail: Trail = {
      kind: 'Trail',
      id: arn,
      ...input.base(t.HomeRegion ?? region),
      location: input.loc.at(['regional', region, 'cloudtrail', 'DescribeTrails', 'trailList', index, 'Name'], arn),
      displayName: name,
      name,
      arn,
      ...(t.HomeRegion ? { homeRegion: t.HomeRegion } : {}),
      ...(t.IsMultiRegionTrail !== undefined ? { isMultiRegion: t.IsMultiRegionTrail } : {}),
      ...(t.LogFileValidationEnabled !== undefined ? { logFileValidation: t.LogFileValidationEnabled } : {}),
      ...(status?.value.IsLogging !== undefined ? { isLogging: status.value.IsLogging } : {}),
      ...(t.IsOrganizationTrail !== undefined ? { isOrganizationTrail: t.IsOrganizationTrail } : {}),
      ...(bucket ? { s3BucketName: bucket } : {}),
      ...(lifecycle ? { bucketHasLifecycle: (lifecycle.Rules ?? []).some((rule) => lifecycleRuleAgesOut(rule, trailLogPrefix(t.S3KeyPrefix))) } : {}),
      ...(lifecycle && bucket ? { bucketLocation: input.loc.at(['global', 's3', 'GetBucketLifecycleConfiguration', bucket, 'Rules'], arn) } : {}),
      ...(selection ? { managementEvents: selection.managementEvents } : {}),
      dataEvents: selection?.dataEvents ?? [],
      selectorsKnown: selection !== undefined,
    };
    return withStack(trail, tags);
  });
}

type CloudTrailResponses = NonNullable<RegionalResponses['cloudtrail']>;

/** A per-trail response, from whichever region answered for the trail. */
function perResource<K extends 'GetTrailStatus' | 'GetEventSelectors' | 'ListTags'>(
  input: SnapshotInput,
  op: K,
  arn: string,
): { value: NonNullable<CloudTrailResponses[K]>[string]; path: PathKey[] } | undefined {
  for (const [region, r] of input.regions()) {
    const map = r.cloudtrail?.[op] as Record<string, NonNullable<CloudTrailResponses[K]>[string]> | undefined;
    const value = map?.[arn];
    if (value) return { value, path: ['regional', region, 'cloudtrail', op, arn] };
  }
  return undefined;
}

/** Management and data event recording from basic or advanced event selectors. */
function eventSelection(
  response: { EventSelectors?: ApiEventSelector[]; AdvancedEventSelectors?: ApiAdvancedEventSelector[] },
  locate: (path: PathKey[]) => SourceLocation,
): { managementEvents: boolean; dataEvents: TrailDataEventSelector[] } {
  const advanced = response.AdvancedEventSelectors ?? [];
  if (advanced.length > 0) {
    let managementEvents = false;
    const dataEvents: TrailDataEventSelector[] = [];
    advanced.forEach((sel, i) => {
      const fields = sel.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === 'eventCategory')?.Equals ?? [];
      if (category.includes('Management')) managementEvents = true;
      if (!category.includes('Data')) return;
      const typeIndex = fields.findIndex((f) => f.Field === 'resources.type');
      const type = fields[typeIndex]?.Equals?.[0];
      if (!type) return;
      // Only an ARN condition that names resources narrows the selector; one that only excludes some
      // (NotEquals, NotStartsWith, NotEndsWith) still logs every other resource, as templates read it.
      const arn = fields.filter((f) => f.Field === 'resources.ARN');
      const named = arn.flatMap((f) => [...(f.Equals ?? []), ...(f.StartsWith ?? [])]);
      const narrowedOtherwise = arn.some((f) => (f.EndsWith?.length ?? 0) > 0);
      const allResources = named.length > 0 ? named.some(coversAllResources) : !narrowedOtherwise;
      // At the resource type condition, as in templates.
      dataEvents.push({ resourceType: type, allResources, location: locate(['AdvancedEventSelectors', i, 'FieldSelectors', typeIndex]) });
    });
    return { managementEvents, dataEvents };
  }
  const selectors = response.EventSelectors ?? [];
  const dataEvents: TrailDataEventSelector[] = [];
  selectors.forEach((sel, i) => {
    (sel.DataResources ?? []).forEach((d, j) => {
      if (!d.Type) return;
      dataEvents.push({
        resourceType: d.Type,
        allResources: (d.Values ?? []).some(coversAllResources),
        location: locate(['EventSelectors', i, 'DataResources', j, 'Values']),
      });
    });
  });
  // A trail without selectors records management events (CloudTrail's default).
  const managementEvents = selectors.length === 0 || selectors.some((s) => s.IncludeManagementEvents !== false);
  return { managementEvents, dataEvents };
}
