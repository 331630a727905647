import type { SourceLocation } from '../../model/location.js';
import { type CfnNode, get, intrinsicName } from '../../template/parsing/node.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template, TemplateResource } from '../../template/types.js';
import type { Instance } from './types.js';

interface ProfileUse {
  has: boolean;
  via?: string[];
  /** An in-template instance profile with no role that the resource uses, where it is named and when. */
  empty?: { profile: string; location: SourceLocation; via: string[] };
}

/** Whether a profile property is set on every branch: `false` (with the branch's `via`) if any branch leaves it out. */
function profile(resolver: Resolver, node: CfnNode | undefined): { has: boolean; via?: string[] } {
  if (!node) return { has: false };
  const absent = resolver.branches(node).find((b) => b.node === undefined);
  return absent ? { has: false, via: absent.via } : { has: true };
}

/** The in-template `AWS::IAM::InstanceProfile` a value names: by `Ref`/`Fn::GetAtt`, or by its `InstanceProfileName`. */
function profileResource(template: Template, resolver: Resolver, graph: TemplateGraph, node: CfnNode): TemplateResource | undefined {
  const target = graph.target(node);
  if (target) {
    const res = template.resources.get(target.logicalId);
    return res?.type === 'AWS::IAM::InstanceProfile' ? res : undefined;
  }
  const name = resolver.value(node);
  if (typeof name !== 'string') return undefined;
  return [...template.resources.values()].find(
    (r) => r.type === 'AWS::IAM::InstanceProfile' && resolver.value(get(r.properties, 'InstanceProfileName')) === name,
  );
}

/** The `via` of a branch on which a profile's `Roles` list is empty; undefined when it holds a role on every branch, or is not a list. */
function emptyRoles(resolver: Resolver, res: TemplateResource): string[] | undefined {
  for (const b of resolver.branches(get(res.properties, 'Roles'))) {
    if (b.node?.kind !== 'seq') continue;
    const roles = b.node.items.filter((item) => resolver.branches(item).some((x) => x.node !== undefined));
    if (roles.length === 0) return b.via;
  }
  return undefined;
}

/** A profile property naming an in-template instance profile that holds no role, on some branch. */
function emptyProfile(template: Template, resolver: Resolver, graph: TemplateGraph, node: CfnNode | undefined): ProfileUse['empty'] {
  for (const b of resolver.branches(node)) {
    if (!b.node) continue;
    // A launch template names its profile as `{Arn: ...}` or `{Name: ...}`.
    const named = b.node.kind === 'map' && !intrinsicName(b.node) ? (get(b.node, 'Arn') ?? get(b.node, 'Name')) : b.node;
    for (const n of resolver.branches(named, b.via)) {
      const res = n.node ? profileResource(template, resolver, graph, n.node) : undefined;
      const via = res ? emptyRoles(resolver, res) : undefined;
      if (res && n.node && via) return { profile: res.logicalId, location: n.node.loc, via: [...n.via, ...via] };
    }
  }
  return undefined;
}

/** EC2 instances, launch templates and launch configurations, and whether they carry an instance profile. */
export function instancesOf(template: Template, resolver: Resolver, graph: TemplateGraph): Instance[] {
  const out: Instance[] = [];
  const launchTemplates = new Map<string, ProfileUse>();
  for (const res of template.resources.values()) {
    let resourceType: Instance['resourceType'] | undefined;
    let node: CfnNode | undefined;
    if (res.type === 'AWS::EC2::LaunchTemplate') {
      resourceType = 'LaunchTemplate';
      node = get(get(res.properties, 'LaunchTemplateData'), 'IamInstanceProfile');
    } else if (res.type === 'AWS::AutoScaling::LaunchConfiguration') {
      resourceType = 'LaunchConfiguration';
      node = get(res.properties, 'IamInstanceProfile');
    } else continue;
    const p: ProfileUse = { ...profile(resolver, node) };
    const empty = emptyProfile(template, resolver, graph, node);
    if (empty) p.empty = empty;
    launchTemplates.set(res.logicalId, p);
    out.push(entity(template, res.logicalId, res.loc, resourceType, p));
  }
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::Instance') continue;
    const node = get(res.properties, 'IamInstanceProfile');
    const p: ProfileUse = { ...profile(resolver, node) };
    const empty = emptyProfile(template, resolver, graph, node);
    if (empty) p.empty = empty;
    const lt = get(res.properties, 'LaunchTemplate');
    if (!p.has && lt) {
      // The profile may come from the launch template: known only when that template is in this file.
      const ltNode = get(lt, 'LaunchTemplateId') ?? get(lt, 'LaunchTemplateName');
      const id = graph.target(ltNode)?.logicalId;
      const fromLt = id ? launchTemplates.get(id) : undefined;
      if (fromLt?.has !== false) {
        const inherited: ProfileUse | undefined = fromLt ? { has: true } : undefined;
        if (inherited && fromLt?.empty) inherited.empty = { ...fromLt.empty, location: (ltNode ?? lt).loc };
        out.push(entity(template, res.logicalId, res.loc, 'Instance', inherited));
        continue;
      }
    }
    out.push(entity(template, res.logicalId, res.loc, 'Instance', p));
  }
  return out;
}

function entity(template: Template, logicalId: string, loc: Instance['location'], resourceType: Instance['resourceType'], p: ProfileUse | undefined): Instance {
  const out: Instance = {
    kind: 'Instance',
    id: `${template.file}#${logicalId}`,
    source: 'template',
    location: loc,
    displayName: logicalId,
    instanceId: logicalId,
    resourceType,
    ...(p ? { hasInstanceProfile: p.has } : {}),
    ...(p?.via && p.via.length > 0 ? { via: p.via } : {}),
  };
  if (p?.has && p.empty) {
    out.emptyInstanceProfile = p.empty.profile;
    out.fieldLocations = { emptyInstanceProfile: p.empty.location };
    if (p.empty.via.length > 0) out.fieldVia = { emptyInstanceProfile: p.empty.via };
  }
  return out;
}
