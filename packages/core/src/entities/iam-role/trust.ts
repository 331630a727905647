import type { SourceLocation } from '../../model/location.js';
import type { TrustCondition, TrustPrincipal, TrustStatement } from './types.js';

const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function principalsOf(value: unknown): TrustPrincipal[] {
  if (value === '*') return [{ type: '*', value: '*' }];
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([type, v]) =>
    PRINCIPAL_TYPES.has(type) ? strings(v).map((value) => ({ type: type as TrustPrincipal['type'], value })) : [],
  );
}

function conditionsOf(value: unknown): TrustCondition[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([operator, byKey]) =>
    isRecord(byKey)
      ? Object.entries(byKey).map(([key, v]) => ({ operator, key: key.toLowerCase(), values: strings(v).concat(typeof v === 'boolean' ? [String(v)] : []) }))
      : [],
  );
}

/** One trust policy statement from its JSON value; `undefined` for what is not a statement. */
export function trustStatement(value: unknown, location: SourceLocation, via?: string[]): TrustStatement | undefined {
  if (!isRecord(value)) return undefined;
  const effect = value.Effect === undefined ? 'Allow' : value.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;
  const notPrincipal = value.Principal === undefined && value.NotPrincipal !== undefined;
  return {
    effect,
    principals: principalsOf(notPrincipal ? value.NotPrincipal : value.Principal),
    notPrincipal,
    actions: strings(value.Action),
    conditions: conditionsOf(value.Condition),
    location,
    ...(via && via.length > 0 ? { via } : {}),
  };
}

/** The statements of a trust policy document; `locate` gives where each is, by its path in the document. */
export function trustStatements(doc: Record<string, unknown>, locate: (path: readonly (string | number)[]) => SourceLocation): TrustStatement[] {
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((s, i) => {
    const st = trustStatement(s, locate(Array.isArray(raw) ? ['Statement', i] : ['Statement']));
    return st ? [st] : [];
  });
}

/** Who a trust policy lets assume the role, in short: `Service ec2.amazonaws.com`, `AWS arn:aws:iam::123456789012:root`, `any principal (*)`. */
export function trustedBy(trust: readonly TrustStatement[]): string[] {
  const out = new Set<string>();
  for (const s of trust) {
    if (s.effect !== 'Allow') continue;
    if (s.notPrincipal) out.add('any principal but those NotPrincipal names');
    for (const p of s.principals) out.add(p.type === '*' || p.value === '*' ? 'any principal (*)' : `${p.type} ${p.value}`);
  }
  return [...out];
}
