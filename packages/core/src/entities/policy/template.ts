import type { SourceLocation } from '../../model/location.js';
import { own } from '../../model/lookup.js';
import { type CfnNode, get, intrinsicName } from '../../template/parsing/node.js';
import {
  type ListCandidate,
  looseText,
  PRINCIPAL_TYPES,
  type PrincipalType,
  principalRefs,
  refTarget,
  stringListCandidates,
  stringValue,
} from '../../template/resolution/iam.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template, TemplateResource } from '../../template/types.js';
import { append } from '../../util/append.js';
import { trustedBy } from '../iam-role/trust.js';
import type { TemplateInput } from '../slice.js';
import type { Policy, PolicyAttachment, PolicyStatement } from './types.js';

const ADMIN_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
/** Beyond this many statement variants (Effect x Action x Resource alternatives) a statement is read once. */
const MAX_VARIANTS = 64;

const STANDALONE_POLICY_TYPES: Readonly<Record<string, { nameKey: string; principal: PrincipalType; principalKey: string }>> = {
  'AWS::IAM::RolePolicy': { nameKey: 'PolicyName', principal: 'role', principalKey: 'RoleName' },
  'AWS::IAM::UserPolicy': { nameKey: 'PolicyName', principal: 'user', principalKey: 'UserName' },
  'AWS::IAM::GroupPolicy': { nameKey: 'PolicyName', principal: 'group', principalKey: 'GroupName' },
};

const SAM_WITH_POLICIES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/**
 * IAM policy documents of a template: `AWS::IAM::Policy` and `ManagedPolicy`, the inline `Policies` of
 * roles, users and groups, `AWS::IAM::RolePolicy`/`UserPolicy`/`GroupPolicy`, the statement documents in
 * SAM `Policies`, and the AWS managed `AdministratorAccess` policy wherever it is attached.
 */
export function policiesOf(template: Template, resolver: Resolver): Policy[] {
  const out: Policy[] = [];
  const ctx = { template, resolver };
  const boundaries = boundaryTargets(template);
  for (const res of template.resources.values()) {
    const props = res.properties;
    const principal = own(PRINCIPAL_TYPES, res.type);
    if (principal) {
      const owner = { type: principal.type, name: res.logicalId };
      forEachItem(resolver, get(props, 'Policies'), (item, i, via) => {
        const name = stringValue(resolver, get(item, 'PolicyName')) ?? `#${i + 1}`;
        out.push(
          policy(ctx, res, `Policies/${i}`, item.loc, {
            policyName: name,
            policyType: 'inline',
            displayName: `inline policy ${name} of ${principal.type} ${res.logicalId}`,
            attachedTo: [owner],
            document: get(item, 'PolicyDocument'),
            via,
          }),
        );
      });
      append(out, adminAttachments(ctx, res, get(props, 'ManagedPolicyArns'), 'ManagedPolicyArns', owner));
      continue;
    }
    if (res.type === 'AWS::IAM::Policy' || res.type === 'AWS::IAM::ManagedPolicy') {
      const managed = res.type === 'AWS::IAM::ManagedPolicy';
      const name = stringValue(resolver, get(props, managed ? 'ManagedPolicyName' : 'PolicyName'));
      const attachedTo = (['user', 'group', 'role'] as const).flatMap((type) =>
        principalRefs(template, resolver, get(props, `${type[0]?.toUpperCase()}${type.slice(1)}s`), type).map((p) => ({ type, name: p.name })),
      );
      const label = managed ? 'managed policy' : 'policy';
      out.push(
        policy(ctx, res, '', res.loc, {
          policyName: name ?? res.logicalId,
          policyType: managed ? 'managed' : 'inline',
          displayName: name && name !== res.logicalId ? `${label} ${name} (${res.logicalId})` : `${label} ${res.logicalId}`,
          attachedTo,
          document: get(props, 'PolicyDocument'),
          via: [],
        }),
      );
      if (managed && boundaries.has(res.logicalId)) {
        const last = out[out.length - 1];
        if (last) last.permissionsBoundary = true;
      }
      continue;
    }
    const standalone = own(STANDALONE_POLICY_TYPES, res.type);
    if (standalone) {
      const name = stringValue(resolver, get(props, standalone.nameKey)) ?? res.logicalId;
      const attachedTo = principalRefs(template, resolver, get(props, standalone.principalKey), standalone.principal).map((p) => ({
        type: standalone.principal,
        name: p.name,
      }));
      out.push(
        policy(ctx, res, '', res.loc, {
          policyName: name,
          policyType: 'inline',
          displayName: `inline policy ${name} (${res.logicalId})`,
          attachedTo,
          document: get(props, 'PolicyDocument'),
          via: [],
        }),
      );
      continue;
    }
    if (SAM_WITH_POLICIES.has(res.type)) append(out, samPolicies(ctx, res));
  }
  return out;
}

/**
 * Completes who each policy reaches: a principal whose `ManagedPolicyArns` refers to a managed policy
 * of the template is attached to it; a group's attachment names its members, a role's who may
 * assume it, a user's or role's its permissions boundary.
 */
export function withPrincipals(policies: Policy[], input: TemplateInput): Policy[] {
  const { template, resolver } = input;
  const managed = new Map<string, Policy>();
  for (const p of policies) if (p.policyType === 'managed' && p.location.logicalPath && !p.arn) managed.set(p.location.logicalPath, p);
  for (const res of template.resources.values()) {
    const principal = own(PRINCIPAL_TYPES, res.type);
    if (!principal) continue;
    for (const b of resolver.branches(get(res.properties, 'ManagedPolicyArns'))) {
      const items = b.node?.kind === 'seq' ? b.node.items : b.node ? [b.node] : [];
      for (const item of items) {
        for (const ib of resolver.branches(item, b.via)) {
          const target = refTarget(ib.node);
          const policy = target ? managed.get(target) : undefined;
          if (policy && !policy.attachedTo.some((a) => a.type === principal.type && a.name === res.logicalId))
            policy.attachedTo.push({ type: principal.type, name: res.logicalId });
        }
      }
    }
  }
  if (!policies.some((p) => p.attachedTo.length > 0)) return policies;
  const groups = new Map(input.of('IamGroup').map((g) => [g.displayName, g.members]));
  const roles = new Map(input.of('IamRole').map((r) => [r.displayName, r]));
  const users = new Map(input.of('IamUser').map((u) => [u.displayName, u]));
  const more = (a: PolicyAttachment): PolicyAttachment => {
    if (a.type === 'group') {
      const members = groups.get(a.name);
      return members ? { ...a, members } : a;
    }
    const role = a.type === 'role' ? roles.get(a.name) : undefined;
    const boundary = a.type === 'role' ? role?.permissionsBoundary : users.get(a.name)?.permissionsBoundary;
    const trusted = role ? trustedBy(role.trust) : [];
    return { ...a, ...(trusted.length > 0 ? { trustedBy: trusted } : {}), ...(boundary !== undefined ? { boundary } : {}) };
  };
  for (const p of policies) p.attachedTo = p.attachedTo.map(more);
  return policies;
}

/** Logical ids of managed policies that some role, user or SAM function names as its `PermissionsBoundary`. */
function boundaryTargets(template: Template): Set<string> {
  const out = new Set<string>();
  const visit = (node: CfnNode | undefined): void => {
    const target = refTarget(node);
    if (target) out.add(target);
    if (intrinsicName(node) === 'Fn::If') {
      const args = get(node, 'Fn::If');
      if (args?.kind === 'seq') for (const a of args.items.slice(1)) visit(a);
    }
  };
  for (const res of template.resources.values()) visit(get(res.properties, 'PermissionsBoundary'));
  visit(get(get(get(template.root, 'Globals'), 'Function'), 'PermissionsBoundary'));
  return out;
}

interface Ctx {
  template: Template;
  resolver: Resolver;
}

interface PolicyParts {
  policyName: string;
  policyType: Policy['policyType'];
  displayName: string;
  attachedTo: Policy['attachedTo'];
  document: CfnNode | undefined;
  via: string[];
}

function policy(ctx: Ctx, res: TemplateResource, path: string, location: SourceLocation, parts: PolicyParts): Policy {
  const logicalPath = path ? `${res.logicalId}/${path}` : res.logicalId;
  const out: Policy = {
    kind: 'Policy',
    id: `${ctx.template.file}#${logicalPath}`,
    source: 'template',
    location: { ...location, logicalPath },
    displayName: parts.displayName,
    policyName: parts.policyName,
    policyType: parts.policyType,
    attachedTo: parts.attachedTo,
    statements: documentStatements(ctx, parts.document, parts.via),
  };
  if (parts.via.length > 0) out.via = parts.via;
  return out;
}

/** Calls `visit` for each map item of a list property, through `Fn::If` on the list and on its items. */
function forEachItem(resolver: Resolver, list: CfnNode | undefined, visit: (item: CfnNode, index: number, via: string[]) => void): void {
  for (const b of resolver.branches(list)) {
    if (b.node?.kind !== 'seq') continue;
    b.node.items.forEach((item, i) => {
      for (const ib of resolver.branches(item, b.via)) if (ib.node) visit(ib.node, i, ib.via);
    });
  }
}

function adminAttachments(ctx: Ctx, res: TemplateResource, list: CfnNode | undefined, path: string, owner: Policy['attachedTo'][number]): Policy[] {
  const out: Policy[] = [];
  const seen = new Set<string>();
  for (const cand of stringListCandidates(ctx.resolver, list)) {
    cand.values.forEach((arn, i) => {
      const loc = cand.locations[i];
      if (!loc || !isAdministratorAccess(arn)) return;
      const key = `${loc.line}:${loc.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(adminPolicy(ctx, res, `${path}/${i}`, loc, arn, owner, cand.via));
    });
  }
  return out;
}

function isAdministratorAccess(value: string): boolean {
  return ADMIN_ARN.test(value) || value === 'AdministratorAccess';
}

function adminPolicy(
  ctx: Ctx,
  res: TemplateResource,
  path: string,
  loc: SourceLocation,
  arn: string,
  owner: Policy['attachedTo'][number],
  via: string[],
): Policy {
  const logicalPath = `${res.logicalId}/${path}`;
  const fullArn = arn.startsWith('arn:') ? arn : 'arn:aws:iam::aws:policy/AdministratorAccess';
  const statement: PolicyStatement = {
    effect: 'Allow',
    actions: ['*'],
    notActions: [],
    resources: ['*'],
    notResources: [],
    hasCondition: false,
    location: loc,
  };
  if (via.length > 0) statement.via = via;
  return {
    kind: 'Policy',
    id: `${ctx.template.file}#${logicalPath}`,
    source: 'template',
    location: { ...loc, logicalPath },
    displayName: `AWS managed policy AdministratorAccess on ${owner.type} ${owner.name}`,
    policyName: 'AdministratorAccess',
    policyType: 'managed',
    attachedTo: [owner],
    statements: [statement],
    arn: fullArn,
    ...(via.length > 0 ? { via } : {}),
  };
}

/** SAM `Policies`: a managed policy name or ARN, a policy template, or a statement document; alone or in a list. */
function samPolicies(ctx: Ctx, res: TemplateResource): Policy[] {
  const props = res.properties;
  // With an explicit Role, SAM creates no role and ignores Policies.
  if (get(props, 'Role') !== undefined) return [];
  const owner = { type: 'role' as const, name: `${res.logicalId}Role` };
  const kind = res.type === 'AWS::Serverless::Function' ? 'function' : 'state machine';
  const lists: { node: CfnNode; path: string }[] = [];
  const own = get(props, 'Policies');
  if (own) lists.push({ node: own, path: 'Policies' });
  if (res.type === 'AWS::Serverless::Function') {
    const globals = get(get(ctx.template.root, 'Globals'), 'Function');
    const shared = get(globals, 'Policies');
    if (shared) lists.push({ node: shared, path: 'Globals/Function/Policies' });
  }
  const out: Policy[] = [];
  for (const { node, path } of lists) {
    for (const b of ctx.resolver.branches(node)) {
      const items = b.node?.kind === 'seq' ? b.node.items : b.node ? [b.node] : [];
      items.forEach((item, i) => {
        for (const ib of ctx.resolver.branches(item, b.via)) {
          const n = ib.node;
          if (!n) continue;
          const itemPath = b.node?.kind === 'seq' ? `${path}/${i}` : path;
          if (n.kind === 'map' && !intrinsicName(n) && get(n, 'Statement') !== undefined) {
            out.push(
              policy(ctx, res, itemPath, n.loc, {
                policyName: `${res.logicalId}RolePolicy${i}`,
                policyType: 'inline',
                displayName: `inline policy of ${kind} ${res.logicalId}`,
                attachedTo: [owner],
                document: n,
                via: ib.via,
              }),
            );
            continue;
          }
          if (n.kind === 'map' && !intrinsicName(n)) continue; // a SAM policy template
          const name = stringValue(ctx.resolver, n);
          if (name !== undefined && isAdministratorAccess(name)) out.push(adminPolicy(ctx, res, itemPath, n.loc, name, owner, ib.via));
        }
      });
    }
  }
  return out;
}

function documentStatements(ctx: Ctx, doc: CfnNode | undefined, via: string[]): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  for (const b of ctx.resolver.branches(doc, via)) {
    const node = b.node;
    if (!node) continue;
    if (node.kind === 'map' && !intrinsicName(node)) {
      forEachStatement(ctx, get(node, 'Statement'), b.via, (s, sv) => append(out, statementVariants(ctx, s, sv)));
      continue;
    }
    if (node.kind === 'seq') continue;
    append(out, jsonDocumentStatements(ctx, node, b.via));
  }
  return out;
}

function forEachStatement(ctx: Ctx, statements: CfnNode | undefined, via: string[], visit: (s: CfnNode, via: string[]) => void): void {
  for (const b of ctx.resolver.branches(statements, via)) {
    const items = b.node?.kind === 'seq' ? b.node.items : b.node ? [b.node] : [];
    for (const item of items) {
      for (const ib of ctx.resolver.branches(item, b.via)) {
        if (ib.node?.kind === 'map' && !intrinsicName(ib.node)) visit(ib.node, ib.via);
      }
    }
  }
}

function statementVariants(ctx: Ctx, s: CfnNode, via: string[]): PolicyStatement[] {
  const effectNode = get(s, 'Effect');
  const effects = effectNode ? ctx.resolver.values(effectNode).map((c) => ({ value: c.value, via: c.via })) : [{ value: 'Allow', via: [] }];
  const lists = ['Action', 'NotAction', 'Resource', 'NotResource'].map((k) => stringListCandidates(ctx.resolver, get(s, k)));
  const [actions = [], notActions = [], resources = [], notResources = []] = lists;
  const total = effects.length * actions.length * notActions.length * resources.length * notResources.length;
  const pick = (l: ListCandidate[]): ListCandidate[] => (total > MAX_VARIANTS ? [mergeAll(l)] : l);
  const location = (get(s, 'Action') ?? get(s, 'NotAction') ?? s).loc;
  const out: PolicyStatement[] = [];
  for (const e of effects) {
    const effect = e.value === 'Allow' || e.value === 'Deny' ? e.value : undefined;
    if (!effect) continue;
    for (const a of pick(actions))
      for (const na of pick(notActions))
        for (const r of pick(resources))
          for (const nr of pick(notResources)) {
            const allVia = [...new Set([...via, ...e.via, ...a.via, ...na.via, ...r.via, ...nr.via])];
            const st: PolicyStatement = {
              effect,
              actions: a.values,
              notActions: na.values,
              resources: r.values,
              notResources: nr.values,
              hasCondition: get(s, 'Condition') !== undefined,
              location,
              actionLocations: a.locations,
            };
            if (allVia.length > 0) st.via = allVia;
            out.push(st);
          }
    if (total > MAX_VARIANTS) break;
  }
  return out;
}

function mergeAll(list: ListCandidate[]): ListCandidate {
  return {
    values: list.flatMap((c) => c.values),
    locations: list.flatMap((c) => c.locations),
    via: [...new Set(list.flatMap((c) => c.via))],
  };
}

/** A policy document written as JSON text (a string, or `Fn::Sub`/`Fn::Join` building one). */
function jsonDocumentStatements(ctx: Ctx, node: CfnNode, via: string[]): PolicyStatement[] {
  const text = looseText(ctx.resolver, node);
  if (text === undefined) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isRecord(doc)) return [];
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  // Point each statement at its `"Action"` key inside the text where the source shows it.
  const source = ctx.template.text.slice(node.span[0], node.span[1]);
  const actionKeys = [...source.matchAll(/\\?"Action\\?"\s*:/g)].map((m) => node.span[0] + (m.index ?? 0));
  let actionIndex = 0;
  const out: PolicyStatement[] = [];
  for (const s of statements) {
    if (!isRecord(s)) continue;
    const hasAction = s.Action !== undefined;
    const offset = hasAction ? actionKeys[actionIndex++] : undefined;
    const location = offset !== undefined ? ctx.template.index.location(offset, offset + '"Action"'.length) : node.loc;
    const effect = s.Effect === undefined ? 'Allow' : s.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') continue;
    const st: PolicyStatement = {
      effect,
      actions: strings(s.Action),
      notActions: strings(s.NotAction),
      resources: strings(s.Resource),
      notResources: strings(s.NotResource),
      hasCondition: s.Condition !== undefined,
      location,
    };
    if (via.length > 0) st.via = via;
    out.push(st);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string');
}
