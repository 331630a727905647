import { type CfnNode, get, intrinsicName } from '../../template/parsing/node.js';
import { looseText, principalRefs, refTarget, stringValue } from '../../template/resolution/iam.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import { inlineNames, listNames } from '../iam-group/template.js';
import { trustStatement } from './trust.js';
import type { IamRole, TrustStatement } from './types.js';

/** `AWS::IAM::Role`s of a template: their trust policies (through `Fn::If`), policies, boundary and instance profiles. */
export function iamRolesOf(template: Template, resolver: Resolver): IamRole[] {
  const out: IamRole[] = [];
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::IAM::Role') continue;
    const props = res.properties;
    const boundaryNode = get(props, 'PermissionsBoundary');
    const boundary = boundaryNode ? (stringValue(resolver, boundaryNode) ?? refTarget(boundaryNode) ?? '(unresolved policy)') : undefined;
    const profiles: string[] = [];
    for (const p of template.resources.values()) {
      if (p.type !== 'AWS::IAM::InstanceProfile') continue;
      if (principalRefs(template, resolver, get(p.properties, 'Roles'), 'role').some((r) => r.logicalId === res.logicalId)) profiles.push(p.logicalId);
    }
    out.push({
      kind: 'IamRole',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: { ...res.loc, logicalPath: res.logicalId },
      displayName: res.logicalId,
      roleName: stringValue(resolver, get(props, 'RoleName')) ?? res.logicalId,
      trust: trustOf(resolver, get(props, 'AssumeRolePolicyDocument')),
      attachedPolicies: listNames(resolver, get(props, 'ManagedPolicyArns'), (v) => v.split('/').pop() ?? v),
      inlinePolicies: inlineNames(resolver, get(props, 'Policies')),
      ...(boundary !== undefined ? { permissionsBoundary: boundary } : {}),
      instanceProfiles: profiles,
    });
  }
  return out;
}

/** Beyond this many variants of one statement (its `Fn::If`s combined), the first of each is read. */
const MAX_VARIANTS = 16;

interface Variant {
  value: unknown;
  via: string[];
}

/**
 * A template value as JSON, once per combination of the `Fn::If` branches inside it (each with the
 * conditions that lead there): intrinsics resolved where they can be, text with `${...}`
 * placeholders where they cannot.
 */
function variants(resolver: Resolver, node: CfnNode | undefined, via: string[], depth = 0): Variant[] {
  if (!node || depth > 32) return [{ value: undefined, via }];
  const fn = intrinsicName(node);
  if (fn === 'Fn::If') {
    return resolver.branches(node, via).flatMap((b) => (b.node ? variants(resolver, b.node, b.via, depth + 1) : [{ value: undefined, via: b.via }]));
  }
  if (fn) {
    const v = resolver.value(node);
    return [{ value: v !== undefined ? v : looseText(resolver, node), via }];
  }
  if (node.kind === 'scalar') return [{ value: node.value, via }];
  const parts = node.kind === 'seq' ? node.items.map((i) => ['', i] as const) : node.entries.map((e) => [e.key, e.value] as const);
  let acc: { values: [string, unknown][]; via: string[] }[] = [{ values: [], via }];
  for (const [key, child] of parts) {
    const options = variants(resolver, child, [], depth + 1);
    const next = acc.flatMap((a) =>
      options.map((o) => ({ values: [...a.values, [key, o.value] as [string, unknown]], via: [...new Set([...a.via, ...o.via])] })),
    );
    acc = next.length > MAX_VARIANTS ? next.slice(0, 1) : next;
  }
  return acc.map((a) => ({ value: node.kind === 'seq' ? a.values.map(([, v]) => v) : Object.fromEntries(a.values), via: a.via }));
}

/** The statements of a trust policy, every `Fn::If` branch of the document, its list and its items; a document written as JSON text too. */
function trustOf(resolver: Resolver, doc: CfnNode | undefined): TrustStatement[] {
  const out: TrustStatement[] = [];
  for (const b of resolver.branches(doc)) {
    const node = b.node;
    if (!node) continue;
    if (node.kind === 'map' && !intrinsicName(node)) {
      for (const sb of resolver.branches(get(node, 'Statement'), b.via)) {
        const items = sb.node?.kind === 'seq' ? sb.node.items : sb.node ? [sb.node] : [];
        for (const item of items) {
          for (const ib of resolver.branches(item, sb.via)) {
            if (!ib.node) continue;
            const location = (get(ib.node, 'Principal') ?? get(ib.node, 'NotPrincipal') ?? ib.node).loc;
            for (const v of variants(resolver, ib.node, ib.via)) {
              const st = trustStatement(v.value, location, v.via);
              if (st) out.push(st);
            }
          }
        }
      }
      continue;
    }
    const text = looseText(resolver, node);
    let parsed: unknown;
    try {
      parsed = text === undefined ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const statements = (parsed as { Statement?: unknown } | undefined)?.Statement;
    for (const s of Array.isArray(statements) ? statements : [statements]) {
      const st = trustStatement(s, node.loc, b.via);
      if (st) out.push(st);
    }
  }
  return out;
}
