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
