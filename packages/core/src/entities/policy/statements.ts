import type { SourceLocation } from '../../model/location.js';
import type { PolicyStatement } from './types.js';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The statements of a policy document. `locate(path)` gives the location of a value by its path in the
 * document (`['Statement', 0, 'Action', 1]`), or of its nearest ancestor in the file when the document
 * is stored as text.
 */
export function policyStatements(doc: Record<string, unknown>, locate: (path: readonly (string | number)[]) => SourceLocation): PolicyStatement[] {
  const raw = doc.Statement;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  const single = !Array.isArray(raw);
  return list
    .map((s, i): PolicyStatement | undefined => {
      if (!s || typeof s !== 'object') return undefined;
      const st = s as Record<string, unknown>;
      const at = single ? ['Statement'] : ['Statement', i];
      const action = st.Action;
      // Where each action is written, so a finding points at the "*" itself.
      const actionLocations =
        typeof action === 'string'
          ? [locate([...at, 'Action'])]
          : Array.isArray(action)
            ? action.flatMap((a, k) => (typeof a === 'string' ? [locate([...at, 'Action', k])] : []))
            : [];
      return {
        effect: st.Effect === 'Deny' ? 'Deny' : 'Allow',
        actions: strings(st.Action),
        notActions: strings(st.NotAction),
        resources: strings(st.Resource),
        notResources: strings(st.NotResource),
        hasCondition: st.Condition !== undefined && st.Condition !== null && Object.keys(st.Condition as object).length > 0,
        location: locate(at),
        ...(actionLocations.length > 0 ? { actionLocations } : {}),
      };
    })
    .filter((s): s is PolicyStatement => s !== undefined);
}
