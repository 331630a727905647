import { get, scalarString } from '../../template/parsing/node.js';
import type { Template } from '../../template/types.js';
import { scanPasswords } from '../password-property/template.js';
import type { TemplateInput } from '../slice.js';
import type { TemplateParameterEntity } from './types.js';

/** Every parameter of the template, with the password properties it feeds. */
export function parametersOf(template: Template, secretParameters: ReadonlyMap<string, string[]>): TemplateParameterEntity[] {
  return [...template.parameters.values()].map((p) => {
    const allowed = get(p.node, 'AllowedValues');
    const out: TemplateParameterEntity = {
      kind: 'TemplateParameter',
      id: `${template.file}#Parameters/${p.name}`,
      source: 'template',
      location: p.loc,
      displayName: p.name,
      name: p.name,
      noEcho: String(scalarString(get(p.node, 'NoEcho')) ?? '').toLowerCase() === 'true',
      hasDefault: p.default !== undefined,
    };
    if (p.type !== undefined) out.type = p.type;
    if (allowed?.kind === 'seq') out.allowedValues = allowed.items.map((i) => scalarString(i) ?? '');
    const uses = secretParameters.get(p.name);
    if (uses) out.usedAsSecret = [...new Set(uses)];
    return out;
  });
}

/** Parameter name → the password properties it feeds; none when the passwords could not be read (their extractor says so). */
export function secretParameters(input: TemplateInput): ReadonlyMap<string, string[]> {
  try {
    return input.once(scanPasswords).secretParameters;
  } catch {
    return new Map();
  }
}
