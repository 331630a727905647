import type { SourceLocation } from '../../model/location.js';
import { type CfnNode, get } from '../../template/parsing/node.js';
import { type PrincipalRef, principalRefs, refTarget, stringValue } from '../../template/resolution/iam.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import type { AccessKeyInfo, IamUser } from './types.js';

/**
 * IAM users of a template with every policy attached to them directly: `ManagedPolicyArns` and inline
 * `Policies` of `AWS::IAM::User`, and policies that name the user (`AWS::IAM::Policy`/`ManagedPolicy`
 * `Users`, `AWS::IAM::UserPolicy`). A user named only by a policy (defined elsewhere) becomes an entity
 * located at that mention, so the attachment is still reported.
 */
export function iamUsersOf(template: Template, resolver: Resolver): IamUser[] {
  const users = new Map<string, IamUser>();
  const byLogicalId = new Map<string, IamUser>();

  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::IAM::User') continue;
    const props = res.properties;
    const user = newUser(template, res.logicalId, stringValue(resolver, get(props, 'UserName')) ?? res.logicalId, res.loc, res.logicalId);
    for (const g of principalRefs(template, resolver, get(props, 'Groups'), 'group')) addUnique(user.groups, g.name);
    for (const m of managedPolicyItems(resolver, get(props, 'ManagedPolicyArns'))) attach(user, 'managed', m.name, m.loc);
    for (const b of resolver.branches(get(props, 'Policies'))) {
      if (b.node?.kind !== 'seq') continue;
      b.node.items.forEach((item, i) => {
        for (const ib of resolver.branches(item, b.via)) {
          if (!ib.node) continue;
          attach(user, 'inline', stringValue(resolver, get(ib.node, 'PolicyName')) ?? `#${i + 1}`, ib.node.loc);
        }
      });
    }
    const boundary = get(props, 'PermissionsBoundary');
    if (boundary) user.permissionsBoundary = stringValue(resolver, boundary) ?? refTarget(boundary) ?? '(unresolved policy)';
    user.consoleAccess = resolver.branches(get(props, 'LoginProfile')).some((b) => b.node !== undefined);
    users.set(`logical:${res.logicalId}`, user);
    byLogicalId.set(res.logicalId, user);
  }

  const userFor = (ref: PrincipalRef): IamUser => {
    if (ref.logicalId) {
      const own = byLogicalId.get(ref.logicalId);
      if (own) return own;
    }
    const key = `name:${ref.name}`;
    let user = users.get(key);
    if (!user) {
      user = newUser(template, `user:${ref.name}`, ref.name, ref.location);
      user.definedElsewhere = true;
      users.set(key, user);
    }
    return user;
  };

  for (const res of template.resources.values()) {
    const props = res.properties;
    if (res.type === 'AWS::IAM::Policy' || res.type === 'AWS::IAM::ManagedPolicy') {
      const managed = res.type === 'AWS::IAM::ManagedPolicy';
      const name = stringValue(resolver, get(props, managed ? 'ManagedPolicyName' : 'PolicyName')) ?? res.logicalId;
      for (const ref of principalRefs(template, resolver, get(props, 'Users'), 'user'))
        attach(userFor(ref), managed ? 'managed' : 'inline', name, ref.location);
    } else if (res.type === 'AWS::IAM::UserPolicy') {
      const name = stringValue(resolver, get(props, 'PolicyName')) ?? res.logicalId;
      for (const ref of principalRefs(template, resolver, get(props, 'UserName'), 'user')) attach(userFor(ref), 'inline', name, ref.location);
    } else if (res.type === 'AWS::IAM::UserToGroupAddition') {
      const group = principalRefs(template, resolver, get(props, 'GroupName'), 'group')[0]?.name;
      if (!group) continue;
      for (const ref of principalRefs(template, resolver, get(props, 'Users'), 'user')) {
        const own = ref.logicalId ? byLogicalId.get(ref.logicalId) : undefined;
        if (own) addUnique(own.groups, group);
      }
    } else if (res.type === 'AWS::IAM::AccessKey') {
      const owner = principalRefs(template, resolver, get(props, 'UserName'), 'user')[0];
      const own = owner?.logicalId ? byLogicalId.get(owner.logicalId) : undefined;
      if (!own) continue;
      const status = stringValue(resolver, get(props, 'Status'));
      const key: AccessKeyInfo = { id: res.logicalId, active: status !== 'Inactive', location: { ...res.loc, logicalPath: res.logicalId } };
      own.accessKeys.push(key);
    }
  }
  return [...users.values()];
}

function newUser(template: Template, idPart: string, userName: string, location: SourceLocation, logicalPath?: string): IamUser {
  return {
    kind: 'IamUser',
    id: `${template.file}#${idPart}`,
    source: 'template',
    location: logicalPath ? { ...location, logicalPath } : location,
    displayName: logicalPath ?? userName,
    userName,
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
    accessKeys: [],
    policyLocations: [],
  };
}

function attach(user: IamUser, type: 'managed' | 'inline', name: string, location: SourceLocation): void {
  const locations = user.policyLocations ?? [];
  if (locations.some((p) => p.type === type && p.name === name && p.location.line === location.line && p.location.column === location.column)) return;
  locations.push({ name, type, location });
  user.policyLocations = locations;
  addUnique(type === 'managed' ? user.attachedPolicies : user.inlinePolicies, name);
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** `arn:aws:iam::aws:policy/ReadOnlyAccess` → `ReadOnlyAccess`. */
function policyNameOfArn(arn: string): string {
  const m = /:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1] ?? arn;
}

/** Each policy a `ManagedPolicyArns` list attaches: by name when resolvable, else by the resource or parameter it refers to. */
function managedPolicyItems(resolver: Resolver, list: CfnNode | undefined): { name: string; loc: SourceLocation }[] {
  const out: { name: string; loc: SourceLocation }[] = [];
  for (const b of resolver.branches(list)) {
    const items = b.node?.kind === 'seq' ? b.node.items : b.node ? [b.node] : [];
    for (const item of items) {
      for (const ib of resolver.branches(item, b.via)) {
        const n = ib.node;
        if (!n) continue;
        for (const c of resolver.values(n)) {
          const loc = (c.at ?? n).loc;
          if (typeof c.value === 'string') out.push({ name: policyNameOfArn(c.value), loc });
          else if (Array.isArray(c.value)) for (const v of c.value) out.push({ name: policyNameOfArn(String(v)), loc });
          else {
            const target = refTarget(c.at ?? n) ?? refTarget(n);
            const isParam = target !== undefined && resolver.template.parameters.has(target);
            out.push({ name: target ? (isParam ? `(parameter ${target})` : target) : '(unresolved policy)', loc });
          }
        }
      }
    }
  }
  return out;
}
