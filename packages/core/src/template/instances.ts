import type { Instance } from '../model/entities.js';
import type { TemplateGraph } from './graph.js';
import { type CfnNode, get } from './node.js';
import type { Resolver } from './resolve.js';
import type { Template } from './template.js';

/** Whether a profile property is set on every branch: `false` (with the branch's `via`) if any branch leaves it out. */
function profile(resolver: Resolver, node: CfnNode | undefined): { has: boolean; via?: string[] } {
  if (!node) return { has: false };
  const absent = resolver.branches(node).find((b) => b.node === undefined);
  return absent ? { has: false, via: absent.via } : { has: true };
}

/** EC2 instances, launch templates and launch configurations, and whether they carry an instance profile. */
export function instancesOf(template: Template, resolver: Resolver, graph: TemplateGraph): Instance[] {
  const out: Instance[] = [];
  const launchTemplates = new Map<string, boolean>();
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
    const p = profile(resolver, node);
    launchTemplates.set(res.logicalId, p.has);
    out.push(entity(template, res.logicalId, res.loc, resourceType, p));
  }
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::Instance') continue;
    const p = profile(resolver, get(res.properties, 'IamInstanceProfile'));
    const lt = get(res.properties, 'LaunchTemplate');
    if (!p.has && lt) {
      // The profile may come from the launch template: known only when that template is in this file.
      const id = graph.target(get(lt, 'LaunchTemplateId') ?? get(lt, 'LaunchTemplateName'))?.logicalId;
      const fromLt = id ? launchTemplates.get(id) : undefined;
      if (fromLt !== false) {
        out.push(entity(template, res.logicalId, res.loc, 'Instance', fromLt === true ? { has: true } : undefined));
        continue;
      }
    }
    out.push(entity(template, res.logicalId, res.loc, 'Instance', p));
  }
  return out;
}

function entity(
  template: Template,
  logicalId: string,
  loc: Instance['location'],
  resourceType: Instance['resourceType'],
  p: { has: boolean; via?: string[] } | undefined,
): Instance {
  return {
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
}
