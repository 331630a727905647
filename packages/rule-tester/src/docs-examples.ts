import type { AnyRule } from '@mamori/core';

/** A fenced YAML or JSON block of a rule's docs. */
export interface DocsExample {
  /** `fix`: the corrected resource, must scan clean; `risk`: the mistake, must be reported. */
  part: 'fix' | 'risk';
  /** 1-based, in order within its part. */
  index: number;
  lang: 'yaml' | 'json';
  code: string;
}

export interface DocsExamplesOptions {
  /** The resource type a fragment of properties belongs to (`AWS::CloudTrail::Trail`). */
  resourceType?: string;
  /**
   * Resources the example refers to without showing them, by logical id, added beside it: the
   * database whose security group the example shows, the NAT gateway its route leads to.
   */
  resources?: Readonly<Record<string, { Type: string; Properties?: Record<string, unknown> }>>;
  /**
   * Whether the fix example holds an entity the rule checks (default true): an example that does
   * not (a route for a NAT gateway rule, a template without the secret a secret rule looks for)
   * passes whatever the rule does. `false` states that it does not, and fails once it does.
   */
  reaches?: boolean;
}

const FENCE = /^```(yaml|yml|json)[ \t]*\n([\s\S]*?)\n```[ \t]*$/gm;

/** The YAML and JSON blocks of `docs.fix` and `docs.risk`, in order; shell and other blocks are left out. */
export function docsExamples(rule: Pick<AnyRule, 'docs'>): DocsExample[] {
  const out: DocsExample[] = [];
  for (const part of ['fix', 'risk'] as const) {
    let index = 0;
    for (const m of (rule.docs[part] ?? '').matchAll(FENCE)) {
      out.push({ part, index: ++index, lang: m[1] === 'json' ? 'json' : 'yaml', code: m[2] ?? '' });
    }
  }
  return out;
}

const SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Globals',
]);
const PLACEHOLDER_RESOURCE = { Type: 'AWS::CloudFormation::WaitConditionHandle' };

type Part = 'section' | 'resource' | 'property';

/**
 * A docs example as a template, its text kept as written: a whole template is used as is; resources
 * (`Name: { Type: AWS::..., ... }`) go under `Resources`, next to the sections given (`Parameters`,
 * `Outputs`); properties alone go into one resource of `resourceType`. A template without resources
 * gets a `WaitConditionHandle`, as CloudFormation wants one.
 */
export function exampleTemplate(
  example: Pick<DocsExample, 'lang' | 'code'>,
  options: Pick<DocsExamplesOptions, 'resourceType' | 'resources'> = {},
): { text: string; filename: string } {
  return example.lang === 'json' ? jsonTemplate(example.code, options) : yamlTemplate(example.code, options);
}

function decide(
  parts: readonly { key: string; part: Part }[],
  { resourceType, resources: extra }: Pick<DocsExamplesOptions, 'resourceType' | 'resources'>,
): void {
  const properties = parts.filter((p) => p.part === 'property').map((p) => p.key);
  const resources = parts.some((p) => p.part === 'resource') || parts.some((p) => p.key === 'Resources');
  if (properties.length > 0 && resources) {
    throw new Error(`The example mixes resources with keys that are neither a resource nor a template section (${properties.join(', ')})`);
  }
  if (properties.length > 0 && !resourceType) {
    throw new Error(`The example is a fragment of resource properties (${properties.join(', ')}): pass \`resourceType\` to say which resource it belongs to`);
  }
  if (parts.some((p) => p.key === 'Resources') && parts.some((p) => p.part === 'resource')) {
    throw new Error('The example has both a Resources section and resources outside it');
  }
  if (extra && parts.some((p) => p.key === 'Resources')) throw new Error('The example is a whole template: it cannot be given `resources` beside it');
}

function yamlTemplate(code: string, options: Pick<DocsExamplesOptions, 'resourceType' | 'resources'>): { text: string; filename: string } {
  const lines = code.split('\n');
  const blocks: { key: string; part: Part; lines: string[] }[] = [];
  const head: string[] = [];
  for (const line of lines) {
    const key = /^("[^"]*"|'[^']*'|[^\s#'"{[-][^:#]*?):(?:[ \t]|$)/.exec(line)?.[1];
    if (key !== undefined) blocks.push({ key: key.replace(/^["']|["']$/g, ''), part: 'property', lines: [line] });
    else if (blocks.length > 0) blocks[blocks.length - 1]?.lines.push(line);
    else head.push(line);
  }
  for (const block of blocks) block.part = SECTIONS.has(block.key) ? 'section' : isYamlResource(block.lines) ? 'resource' : 'property';
  decide(blocks, options);
  const indent = (text: string[], by: string): string[] => text.map((l) => (l.trim() === '' ? l : `${by}${l}`));
  const sections = blocks.filter((b) => b.part === 'section').flatMap((b) => b.lines);
  const resources = blocks.filter((b) => b.part === 'resource').flatMap((b) => b.lines);
  const properties = blocks.filter((b) => b.part === 'property').flatMap((b) => b.lines);
  const out = [...head, ...sections];
  // JSON is YAML: the added resources go in as one flow mapping each.
  const extra = Object.entries(options.resources ?? {}).map(([id, r]) => `  ${id}: ${JSON.stringify(r)}`);
  if (properties.length > 0)
    out.push('Resources:', '  Example:', `    Type: ${options.resourceType}`, '    Properties:', ...indent(properties, '      '), ...extra);
  else if (resources.length > 0) out.push('Resources:', ...indent(resources, '  '), ...extra);
  else if (extra.length > 0) out.push('Resources:', ...extra);
  else if (!blocks.some((b) => b.key === 'Resources')) out.push('Resources:', '  Placeholder:', `    Type: ${PLACEHOLDER_RESOURCE.Type}`);
  return { text: `${out.join('\n')}\n`, filename: 'template.yaml' };
}

/** A key whose mapping has `Type` among its own keys (block or flow style). */
function isYamlResource(block: readonly string[]): boolean {
  const [first = '', ...rest] = block;
  if (/:\s*\{.*\bType\s*:/.test(first)) return true;
  const body = rest.filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const depth = Math.min(...body.map((l) => l.length - l.trimStart().length));
  return body.some((l) => l.length - l.trimStart().length === depth && /^Type\s*:/.test(l.trimStart()));
}

function jsonTemplate(code: string, options: Pick<DocsExamplesOptions, 'resourceType' | 'resources'>): { text: string; filename: string } {
  let value: unknown;
  try {
    value = JSON.parse(code);
  } catch (err) {
    throw new Error(`The JSON example does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('The JSON example is not an object');
  const entries = Object.entries(value as Record<string, unknown>);
  const part = ([key, v]: [string, unknown]): Part =>
    SECTIONS.has(key) ? 'section' : v && typeof v === 'object' && typeof (v as { Type?: unknown }).Type === 'string' ? 'resource' : 'property';
  decide(
    entries.map((e) => ({ key: e[0], part: part(e) })),
    options,
  );
  const of = (p: Part) => Object.fromEntries(entries.filter((e) => part(e) === p));
  const template: Record<string, unknown> = of('section');
  const properties = of('property');
  const resources = of('resource');
  const extra = options.resources ?? {};
  if (Object.keys(properties).length > 0) template.Resources = { Example: { Type: options.resourceType, Properties: properties }, ...extra };
  else if (Object.keys(resources).length + Object.keys(extra).length > 0) template.Resources = { ...resources, ...extra };
  else template.Resources ??= { Placeholder: PLACEHOLDER_RESOURCE };
  return { text: `${JSON.stringify(template, null, 2)}\n`, filename: 'template.json' };
}
