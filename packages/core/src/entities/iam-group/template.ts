import { type CfnNode, get } from '../../template/parsing/node.js';
import { principalRefs, refTarget, stringValue } from '../../template/resolution/iam.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import type { IamUser } from '../iam-user/types.js';
import type { IamGroup } from './types.js';

/**
 * `AWS::IAM::Group`s of a template, with their members: the template's users that name the group in
 * `Groups`, and the users an `AWS::IAM::UserToGroupAddition` adds (by logical id, or by name when
 * defined elsewhere).
 */
export function iamGroupsOf(template: Template, resolver: Resolver, users: readonly IamUser[]): IamGroup[] {
  const out: IamGroup[] = [];
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::IAM::Group') continue;
    const props = res.properties;
    const members = users.filter((u) => u.groups.includes(res.logicalId)).map((u) => u.displayName);
    for (const add of template.resources.values()) {
      if (add.type !== 'AWS::IAM::UserToGroupAddition') continue;
      if (!principalRefs(template, resolver, get(add.properties, 'GroupName'), 'group').some((g) => g.logicalId === res.logicalId)) continue;
      for (const u of principalRefs(template, resolver, get(add.properties, 'Users'), 'user')) if (!members.includes(u.name)) members.push(u.name);
    }
    out.push({
      kind: 'IamGroup',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: { ...res.loc, logicalPath: res.logicalId },
      displayName: res.logicalId,
      groupName: stringValue(resolver, get(props, 'GroupName')) ?? res.logicalId,
      members,
      attachedPolicies: listNames(resolver, get(props, 'ManagedPolicyArns'), (v) => v.split('/').pop() ?? v),
      inlinePolicies: inlineNames(resolver, get(props, 'Policies')),
    });
  }
  return out;
}

/** Each value of a list property, named; an item that does not resolve is named by what it refers to. */
export function listNames(resolver: Resolver, list: CfnNode | undefined, name: (value: string) => string): string[] {
  const out: string[] = [];
  for (const b of resolver.branches(list)) {
    const items = b.node?.kind === 'seq' ? b.node.items : b.node ? [b.node] : [];
    for (const item of items) {
      const v = stringValue(resolver, item);
      const n = v !== undefined ? name(v) : (refTarget(item) ?? '(unresolved policy)');
      if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}

/** The `PolicyName`s of an inline `Policies` list. */
export function inlineNames(resolver: Resolver, list: CfnNode | undefined): string[] {
  const out: string[] = [];
  for (const b of resolver.branches(list)) {
    if (b.node?.kind !== 'seq') continue;
    b.node.items.forEach((item, i) => {
      const n = stringValue(resolver, get(item, 'PolicyName')) ?? `#${i + 1}`;
      if (!out.includes(n)) out.push(n);
    });
  }
  return out;
}
