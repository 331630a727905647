import type { Notification } from '../model/finding.js';
import { type CfnEntry, type CfnMap, type CfnNode, get, scalarString } from './parsing/node.js';

/**
 * A Serverless Framework variable (`${self:custom.x}`, `${opt:stage, 'dev'}`, `${env:X}`,
 * `${ssm:/a/b}`, `${cf:stack.Output}`, `${file(./x.yml):key}`, `${sls:stage}`, `${param:x}`): the
 * framework replaces it before CloudFormation sees the template, so its text is no value. `Fn::Sub`'s
 * own `${Name}`, `${Res.Attr}` and `${AWS::Region}` have no source prefix and are not matched.
 */
export const SERVERLESS_VARIABLE = /\$\{\s*(?!AWS::)[A-Za-z][\w-]*\s*[:(]/;

/** Sections of a CloudFormation template `resources` may add to the one the framework generates. */
const SECTIONS = ['Resources', 'Conditions', 'Outputs', 'Mappings', 'Parameters'];

/**
 * A Serverless Framework service file for AWS (`serverless.yml`, `.yaml` or `.json`, whatever its
 * name): a document with `service` and `provider`, whose provider is AWS (`provider.name: aws`, or
 * a name the file does not fix).
 */
export function isServerless(root: CfnNode | undefined): root is CfnMap {
  if (root?.kind !== 'map' || !get(root, 'service')) return false;
  const provider = get(root, 'provider');
  if (provider?.kind !== 'map') return false;
  const name = scalarString(get(provider, 'name'));
  return name === undefined || name.toLowerCase() === 'aws' || SERVERLESS_VARIABLE.test(name);
}

/** Cheap test on raw text, for a file that failed to parse: top-level `service` and `provider` keys. */
export function looksLikeServerless(text: string): boolean {
  return /^["']?service["']?\s*:/m.test(text) && /^["']?provider["']?\s*:/m.test(text);
}

/**
 * The CloudFormation a service file adds under `resources` (a map of template sections, or a list
 * of them), as the root of a template: its sections merged in order, later resources replacing
 * earlier ones of the same name as the framework merges them. A part included from another file
 * (`${file(resources/db.yml)}`) is not read here; a note names it, since that file is scanned on its
 * own only when it is a template inside the scanned paths. Environment variables (`provider.environment`,
 * a function's `environment`) or functions included so are named in notes too.
 */
export function serverlessTemplateRoot(file: string, root: CfnMap): { root: CfnMap; notifications: Notification[] } {
  const notifications: Notification[] = [];
  const included = (node: CfnNode, what: string): void => {
    const text = scalarString(node) ?? '';
    notifications.push({
      level: 'note',
      code: 'skipped',
      file,
      line: node.loc.line,
      column: node.loc.column,
      message: `${what} is ${/\$\{\s*file\(/.test(text) ? 'included from another file' : 'not written here'} (${text.slice(0, 80)}): not scanned with this file${what.startsWith('resources') ? '; scan the included file as a template' : ''}`,
    });
  };
  // Environment variables written elsewhere are not read: say so, as for resources.
  const environment = (node: CfnNode | undefined, what: string): void => {
    if (node && node.kind !== 'map') included(node, what);
  };
  environment(get(get(root, 'provider'), 'environment'), 'provider.environment');
  const functions = get(root, 'functions');
  for (const group of functions?.kind === 'seq' ? functions.items : [functions]) {
    if (group?.kind === 'map') for (const f of group.entries) environment(get(f.value, 'environment'), `functions.${f.key}.environment`);
    else if (group) included(group, 'functions');
  }
  const fragments: CfnMap[] = [];
  const resources = get(root, 'resources');
  if (resources?.kind === 'map') fragments.push(resources);
  else if (resources?.kind === 'seq') {
    resources.items.forEach((item, i) => {
      if (item.kind === 'map') fragments.push(item);
      else included(item, `resources[${i}]`);
    });
  } else if (resources) included(resources, 'resources');
  const sections = new Map<string, Map<string, CfnEntry>>();
  const firstKey = new Map<string, CfnEntry>();
  for (const fragment of fragments) {
    for (const e of fragment.entries) {
      if (!SECTIONS.includes(e.key)) continue;
      if (e.value.kind !== 'map') {
        included(e.value, `resources.${e.key}`);
        continue;
      }
      if (!firstKey.has(e.key)) firstKey.set(e.key, e);
      const merged = sections.get(e.key) ?? new Map<string, CfnEntry>();
      for (const item of e.value.entries) {
        merged.delete(item.key);
        merged.set(item.key, item);
      }
      sections.set(e.key, merged);
    }
  }
  const entries: CfnEntry[] = [];
  for (const [key, merged] of sections) {
    const first = firstKey.get(key) as CfnEntry;
    const items = [...merged.values()];
    const start = Math.min(first.value.span[0], ...items.map((i) => i.value.span[0]));
    const end = Math.max(first.value.span[1], ...items.map((i) => i.value.span[1]));
    entries.push({ key, keyLoc: first.keyLoc, value: { kind: 'map', entries: items, loc: first.value.loc, span: [start, end] } });
  }
  return { root: { kind: 'map', entries, loc: root.loc, span: root.span }, notifications };
}
