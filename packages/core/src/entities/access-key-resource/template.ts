import type { SourceLocation } from '../../model/location.js';
import { type CfnNode, get, intrinsicName, scalarString, walk } from '../../template/parsing/node.js';
import { principalRefs } from '../../template/resolution/iam.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import type { AccessKeyResource } from './types.js';

type PathPart = string | number;

/**
 * `AWS::IAM::AccessKey` resources, each with the places its `SecretAccessKey` is handed out in clear
 * text: anywhere `Fn::GetAtt [Key, SecretAccessKey]` or `${Key.SecretAccessKey}` is written, except a
 * Secrets Manager secret's `SecretString`, the store meant for it.
 */
export function accessKeysOf(template: Template, resolver: Resolver): AccessKeyResource[] {
  const keys = new Map<string, AccessKeyResource>();
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::IAM::AccessKey') continue;
    const owner = principalRefs(template, resolver, get(res.properties, 'UserName'), 'user')[0];
    const key: AccessKeyResource = {
      kind: 'AccessKeyResource',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      secretExposures: [],
    };
    if (owner) key.userName = owner.name;
    keys.set(res.logicalId, key);
  }
  if (keys.size === 0) return [];

  const found = (keyId: string, path: readonly PathPart[], location: SourceLocation): void => {
    const key = keys.get(keyId);
    const where = key ? placeOf(template, path) : undefined;
    if (key && where) key.secretExposures.push({ where, location });
  };
  for (const section of template.root.entries) {
    walk(section.value, (node, inSection) => {
      const path = (): PathPart[] => [section.key, ...inSection];
      const fn = intrinsicName(node);
      if (fn === 'Fn::GetAtt') {
        const [target, attr] = getAttParts(get(node, 'Fn::GetAtt'));
        if (target && attr === 'SecretAccessKey') found(target, path(), node.loc);
      } else if (fn === 'Fn::Sub') {
        for (const { keyId, location } of subReferences(template, node, keys)) found(keyId, path(), location);
      }
    });
  }
  return [...keys.values()];
}

function getAttParts(arg: CfnNode | undefined): [string | undefined, string | undefined] {
  if (arg?.kind === 'seq') return [scalarString(arg.items[0]), scalarString(arg.items[1])];
  const text = scalarString(arg);
  if (!text) return [undefined, undefined];
  const dot = text.indexOf('.');
  return dot > 0 ? [text.slice(0, dot), text.slice(dot + 1)] : [text, undefined];
}

/** `${Key.SecretAccessKey}` in an `Fn::Sub` string, each at the column where the source shows it. */
function subReferences(template: Template, node: CfnNode, keys: ReadonlyMap<string, AccessKeyResource>): { keyId: string; location: SourceLocation }[] {
  const arg = get(node, 'Fn::Sub');
  const textNode = arg?.kind === 'seq' ? arg.items[0] : arg;
  const text = scalarString(textNode);
  if (!textNode || !text) return [];
  const out: { keyId: string; location: SourceLocation }[] = [];
  const source = template.text.slice(textNode.span[0], textNode.span[1]);
  // Where the last occurrence of each reference was found in the source text.
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/\$\{\s*([A-Za-z0-9]+)\.SecretAccessKey\s*\}/g)) {
    const keyId = m[1] ?? '';
    if (!keys.has(keyId)) continue;
    // The n-th occurrence in the value is the n-th in the source text (block and plain scalars keep it verbatim).
    const last = seen.get(m[0]);
    const at = last === -1 ? -1 : source.indexOf(m[0], last === undefined ? 0 : last + 1);
    seen.set(m[0], at);
    const location = at >= 0 ? template.index.location(textNode.span[0] + at, textNode.span[0] + at + m[0].length) : textNode.loc;
    out.push({ keyId, location });
  }
  return out;
}

/** Describes where a value sits, or `undefined` when that place is a secret store rather than an exposure. */
function placeOf(template: Template, path: readonly PathPart[]): string | undefined {
  const [section, entry, part, ...rest] = path;
  const props = rest.filter((p): p is string => typeof p === 'string' && p !== 'Ref' && !p.startsWith('Fn::'));
  if (section === 'Outputs') return `output ${String(entry)}`;
  if (section === 'Globals') {
    const variable = variableName(template.root, path);
    return variable ? `environment variable ${variable} in Globals` : 'Globals';
  }
  if (section !== 'Resources' || typeof entry !== 'string') return `${String(section)}`;
  const res = template.resources.get(entry);
  if (part === 'Metadata') return `metadata of ${entry}`;
  if (part !== 'Properties' || !res) return `resource ${entry}`;
  const first = props[0];
  // Both become the secret's value.
  if (res.type === 'AWS::SecretsManager::Secret' && (first === 'SecretString' || first === 'GenerateSecretString')) return undefined;
  if (res.type === 'AWS::SSM::Parameter' && first === 'Value') {
    const type = scalarString(get(res.properties, 'Type')) ?? 'String';
    return type === 'SecureString' ? undefined : `SSM parameter ${entry} (type ${type})`;
  }
  const variable = variableName(template.root, path);
  if (variable) return `environment variable ${variable} of ${entry}`;
  if (first === 'Tags') return `tags of ${entry}`;
  if (props.includes('UserData')) return `UserData of ${entry}`;
  return `property ${props.join('.') || '?'} of ${entry}`;
}

/** The variable name when the path runs through `Environment.Variables.NAME` (Lambda, SAM) or an ECS `Environment` item. */
function variableName(root: CfnNode, path: readonly PathPart[]): string | undefined {
  const i = path.indexOf('Environment');
  if (i < 0) return undefined;
  const next = path[i + 1];
  if (next === 'Variables' && typeof path[i + 2] === 'string') return String(path[i + 2]);
  if (typeof next === 'number') {
    let node: CfnNode | undefined = root;
    for (const p of path.slice(0, i + 2)) node = typeof p === 'number' ? (node?.kind === 'seq' ? node.items[p] : undefined) : get(node, p);
    return scalarString(get(node, 'Name'));
  }
  return undefined;
}
