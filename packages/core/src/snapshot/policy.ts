import type { PolicyStatement } from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';
import type { ApiPolicyDocument } from './format.js';

/** A policy document as an object: the IAM API returns URL-encoded JSON text, the CLI a decoded object. */
export function policyDocumentObject(doc: ApiPolicyDocument | undefined): Record<string, unknown> | undefined {
  if (doc === undefined) return undefined;
  if (typeof doc !== 'string') return doc;
  for (const text of [doc, safeDecode(doc)]) {
    if (text === undefined) continue;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Not this spelling; try the next.
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The statements of a policy document. `locate(i)` gives the location of statement `i` (or of the
 * whole document when it is stored as text).
 */
export function policyStatements(doc: Record<string, unknown>, locate: (index: number | undefined) => SourceLocation): PolicyStatement[] {
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  const single = !Array.isArray(raw);
  return list
    .map((s, i): PolicyStatement | undefined => {
      if (!s || typeof s !== 'object') return undefined;
      const st = s as Record<string, unknown>;
      return {
        effect: st.Effect === 'Deny' ? 'Deny' : 'Allow',
        actions: strings(st.Action),
        notActions: strings(st.NotAction),
        resources: strings(st.Resource),
        notResources: strings(st.NotResource),
        hasCondition: st.Condition !== undefined && st.Condition !== null && Object.keys(st.Condition as object).length > 0,
        location: locate(single ? undefined : i),
      };
    })
    .filter((s): s is PolicyStatement => s !== undefined);
}
