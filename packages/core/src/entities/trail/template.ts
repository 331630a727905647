import { type CfnNode, get, scalarString } from '../../template/parsing/node.js';
import { boolField, setField, toBool } from '../../template/resolution/fields.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template, TemplateResource } from '../../template/types.js';
import { append } from '../../util/append.js';
import { coversAllResources } from './arns.js';
import type { Trail, TrailDataEventSelector } from './types.js';

function strings(resolver: Resolver, node: CfnNode | undefined): string[] {
  const out: string[] = [];
  for (const b of resolver.branches(node)) {
    if (b.node?.kind === 'seq') {
      for (const item of b.node.items) for (const c of resolver.values(item)) if (typeof c.value === 'string') out.push(c.value);
    } else {
      for (const c of resolver.values(b.node)) {
        if (typeof c.value === 'string') out.push(c.value);
        else if (Array.isArray(c.value))
          append(
            out,
            c.value.filter((v): v is string => typeof v === 'string'),
          );
      }
    }
  }
  return out;
}

function items(resolver: Resolver, node: CfnNode | undefined): CfnNode[] {
  return resolver
    .branches(node)
    .flatMap((b) => (b.node?.kind === 'seq' ? b.node.items.flatMap((i) => resolver.branches(i).map((x) => x.node)) : []))
    .filter((n): n is CfnNode => n !== undefined);
}

function selectors(resolver: Resolver, props: CfnNode | undefined): { management: boolean; data: TrailDataEventSelector[] } {
  const basic = items(resolver, get(props, 'EventSelectors'));
  const advanced = items(resolver, get(props, 'AdvancedEventSelectors'));
  if (basic.length === 0 && advanced.length === 0) return { management: true, data: [] };
  let management = false;
  const data: TrailDataEventSelector[] = [];
  for (const sel of basic) {
    if (toBool(resolver.value(get(sel, 'IncludeManagementEvents'))) !== false) management = true;
    for (const dr of items(resolver, get(sel, 'DataResources'))) {
      const type = scalarString(get(dr, 'Type')) ?? '';
      const values = get(dr, 'Values');
      data.push({ resourceType: type, allResources: strings(resolver, values).some(coversAllResources), location: (values ?? dr).loc });
    }
  }
  for (const sel of advanced) {
    const fields = new Map<string, CfnNode>();
    for (const f of items(resolver, get(sel, 'FieldSelectors'))) {
      const name = scalarString(get(f, 'Field'));
      if (name) fields.set(name, f);
    }
    const category = strings(resolver, get(fields.get('eventCategory'), 'Equals'));
    if (category.includes('Management')) management = true;
    if (!category.includes('Data')) continue;
    const typeField = fields.get('resources.type');
    const arn = fields.get('resources.ARN');
    // Without an ARN filter that names resources, the selector logs the type's events everywhere.
    const named = [...strings(resolver, get(arn, 'Equals')), ...strings(resolver, get(arn, 'StartsWith'))];
    const allResources =
      named.length === 0 ? !arn || get(arn, 'NotEquals') !== undefined || get(arn, 'NotStartsWith') !== undefined : named.some(coversAllResources);
    for (const type of strings(resolver, get(typeField, 'Equals'))) {
      data.push({ resourceType: type, allResources, location: (typeField ?? sel).loc });
    }
  }
  return { management, data };
}

function bucketOf(template: Template, graph: TemplateGraph, resolver: Resolver, node: CfnNode | undefined): TemplateResource | undefined {
  const target = graph.target(node);
  if (target) {
    const res = template.resources.get(target.logicalId);
    return res?.type === 'AWS::S3::Bucket' ? res : undefined;
  }
  const name = resolver.value(node);
  if (typeof name !== 'string') return undefined;
  return [...template.resources.values()].find((r) => r.type === 'AWS::S3::Bucket' && resolver.value(get(r.properties, 'BucketName')) === name);
}

/** Whether a bucket expires or moves old objects: the rule for log buckets that otherwise grow forever. */
export function bucketHasLifecycle(resolver: Resolver, bucket: TemplateResource): boolean {
  for (const rule of items(resolver, get(get(bucket.properties, 'LifecycleConfiguration'), 'Rules'))) {
    if (resolver.value(get(rule, 'Status')) !== 'Enabled') continue;
    const keys = [
      'ExpirationInDays',
      'ExpirationDate',
      'Transitions',
      'Transition',
      'NoncurrentVersionExpirationInDays',
      'NoncurrentVersionExpiration',
      'NoncurrentVersionTransitions',
    ];
    if (keys.some((k) => get(rule, k) !== undefined)) return true;
  }
  return false;
}

export function trailsOf(template: Template, resolver: Resolver, graph: TemplateGraph): Trail[] {
  const trails: Trail[] = [];
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::CloudTrail::Trail') continue;
    const props = res.properties;
    const name = resolver.value(get(props, 'TrailName'));
    const bucketNode = get(props, 'S3BucketName');
    const bucket = bucketOf(template, graph, resolver, bucketNode);
    const bucketName = resolver.value(bucketNode);
    const sel = selectors(resolver, props);
    const trail: Trail = {
      kind: 'Trail',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      name: typeof name === 'string' ? name : res.logicalId,
      ...(typeof bucketName === 'string' ? { s3BucketName: bucketName } : bucket ? { s3BucketName: bucket.logicalId } : {}),
      ...(bucket ? { bucketHasLifecycle: bucketHasLifecycle(resolver, bucket), bucketLocation: bucket.loc } : {}),
      managementEvents: sel.management,
      dataEvents: sel.data,
    };
    setField(trail, 'isMultiRegion', boolField(resolver, get(props, 'IsMultiRegionTrail'), false, false));
    setField(trail, 'logFileValidation', boolField(resolver, get(props, 'EnableLogFileValidation'), false, false));
    setField(trail, 'isLogging', boolField(resolver, get(props, 'IsLogging'), undefined, false));
    setField(trail, 'isOrganizationTrail', boolField(resolver, get(props, 'IsOrganizationTrail'), false, true));
    trails.push(trail);
  }
  return trails;
}
