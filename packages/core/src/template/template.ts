import type { LineIndex } from './parsing/line-index.js';
import { type CfnMap, type CfnNode, get, getEntry, scalarString } from './parsing/node.js';
import { expandForEach } from './resolution/foreach.js';
import { Resolver } from './resolution/resolve.js';
import { looksLikeServerless } from './serverless.js';
import type { BuildOptions, Template, TemplateParameter, TemplateResource } from './types.js';

/** A file is a template when it declares `AWSTemplateFormatVersion` or has a `Resources` map with an `AWS::` type. */
export function isTemplate(root: CfnNode | undefined): root is CfnMap {
  if (root?.kind !== 'map') return false;
  if (getEntry(root, 'AWSTemplateFormatVersion')) return true;
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map') return false;
  return resources.entries.some((e) => scalarString(get(e.value, 'Type'))?.startsWith('AWS::') || e.key.startsWith('Fn::ForEach::'));
}

/** Cheap test on raw text, used to decide whether a file that failed to parse was meant to be a template. */
export function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion/.test(text) || (/\bResources\b/.test(text) && /["']?Type["']?\s*:\s*["']?AWS::/.test(text)) || looksLikeServerless(text);
}

export function buildTemplate(file: string, text: string, index: LineIndex, parsed: CfnMap, options: BuildOptions = {}): Template {
  const parameters = parametersOf(parsed);
  const transform = get(parsed, 'Transform');
  const transforms =
    transform?.kind === 'seq'
      ? transform.items.map(scalarString).filter((s): s is string => s !== undefined)
      : [scalarString(transform)].filter((s): s is string => s !== undefined);
  const mappings = get(parsed, 'Mappings');
  const parsedConditions = get(parsed, 'Conditions');
  const base: Template = {
    file,
    text,
    index,
    root: parsed,
    parameters,
    resources: new Map(),
    mappings: mappings?.kind === 'map' ? mappings : undefined,
    conditions: parsedConditions?.kind === 'map' ? parsedConditions : undefined,
    transforms,
  };
  // Loops may only be in Resources, Outputs and Conditions: parameters and mappings, which decide their collections, are read first.
  const expanded = expandForEach(parsed, text, file, new Resolver(base, options.parameters ? { parameters: options.parameters } : {}));
  const root = expanded.root;
  const conditions = get(root, 'Conditions');
  return {
    ...base,
    root,
    resources: resourcesOf(root),
    conditions: conditions?.kind === 'map' ? conditions : undefined,
    ...(expanded.notifications.length > 0 ? { notifications: expanded.notifications } : {}),
  };
}

function parametersOf(root: CfnMap): Map<string, TemplateParameter> {
  const parameters = new Map<string, TemplateParameter>();
  const params = get(root, 'Parameters');
  if (params?.kind === 'map') {
    for (const e of params.entries) {
      if (e.value.kind !== 'map') continue;
      const noEcho = scalarString(get(e.value, 'NoEcho'));
      parameters.set(e.key, {
        name: e.key,
        node: e.value,
        type: scalarString(get(e.value, 'Type')),
        default: get(e.value, 'Default'),
        noEcho: noEcho === 'true',
        loc: { ...e.keyLoc, logicalPath: `Parameters/${e.key}` },
      });
    }
  }
  return parameters;
}

function resourcesOf(root: CfnMap): Map<string, TemplateResource> {
  const resources = new Map<string, TemplateResource>();
  const res = get(root, 'Resources');
  if (res?.kind === 'map') {
    for (const e of res.entries) {
      if (e.value.kind !== 'map') continue;
      const type = scalarString(get(e.value, 'Type'));
      if (!type) continue;
      const properties = get(e.value, 'Properties');
      const metadata = get(e.value, 'Metadata');
      resources.set(e.key, {
        logicalId: e.key,
        type,
        node: e.value,
        properties: properties?.kind === 'map' ? properties : undefined,
        metadata: metadata?.kind === 'map' ? metadata : undefined,
        condition: scalarString(get(e.value, 'Condition')),
        loc: { ...e.keyLoc, logicalPath: e.key },
      });
    }
  }
  return resources;
}
