import { own } from '../../model/lookup.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../../template/parsing/node.js';
import type { Branch, Resolver } from '../../template/resolution/resolve.js';

/**
 * Environment variables a resource passes to its code, which name their secrets freely
 * (`DB_PASSWORD`, `STRIPE_API_KEY`): unlike `MasterUserPassword`, a password there is known only by
 * its variable's name. Each place is a path of properties (`*`: every item of a list) to a map of
 * names to values, or to a list of `{Name, Value}` pairs.
 */
interface EnvironmentPlace {
  path: readonly string[];
  shape: 'map' | 'pairs';
}

const FUNCTION_VARIABLES: readonly EnvironmentPlace[] = [{ path: ['Environment', 'Variables'], shape: 'map' }];

const ENVIRONMENTS: Readonly<Record<string, readonly EnvironmentPlace[]>> = {
  'AWS::Lambda::Function': FUNCTION_VARIABLES,
  'AWS::Serverless::Function': FUNCTION_VARIABLES,
  'AWS::ECS::TaskDefinition': [{ path: ['ContainerDefinitions', '*', 'Environment'], shape: 'pairs' }],
  'AWS::Batch::JobDefinition': [
    { path: ['ContainerProperties', 'Environment'], shape: 'pairs' },
    { path: ['NodeProperties', 'NodeRangeProperties', '*', 'Container', 'Environment'], shape: 'pairs' },
    { path: ['EcsProperties', 'TaskProperties', '*', 'Containers', '*', 'Environment'], shape: 'pairs' },
  ],
  'AWS::AppRunner::Service': [
    { path: ['SourceConfiguration', 'ImageRepository', 'ImageConfiguration', 'RuntimeEnvironmentVariables'], shape: 'pairs' },
    { path: ['SourceConfiguration', 'CodeRepository', 'CodeConfiguration', 'CodeConfigurationValues', 'RuntimeEnvironmentVariables'], shape: 'pairs' },
  ],
  // `Type: PARAMETER_STORE` and `SECRETS_MANAGER` values name a secret; only `PLAINTEXT` (the default) holds one.
  'AWS::CodeBuild::Project': [{ path: ['Environment', 'EnvironmentVariables'], shape: 'pairs' }],
};

/** Properties the environment scan reads in full, left out of the scan by property key so a variable is not reported twice. */
export const ENVIRONMENT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Lambda::Function': ['Environment'],
  'AWS::Serverless::Function': ['Environment'],
};

/** One environment variable: its name, the node of its value, the property path shown (`Environment.Variables.DB_PASSWORD`). */
export interface EnvironmentVariable {
  name: string;
  value: CfnNode;
  property: string;
  via: string[];
}

/** The environment variables a resource of `type` sets in `properties`, through `Fn::If` branches. */
export function resourceVariables(resolver: Resolver, type: string, properties: CfnNode): EnvironmentVariable[] {
  const out: EnvironmentVariable[] = [];
  for (const place of own(ENVIRONMENTS, type) ?? []) {
    follow(resolver, properties, place.path, [], [], (node, label, via) => variablesIn(resolver, node, place.shape, label, via, out));
  }
  return out;
}

/** The variables of a map of names to values (SAM `Globals`, Serverless `provider.environment`), labelled from `prefix`. */
export function mapVariables(resolver: Resolver, node: CfnNode | undefined, prefix: string): EnvironmentVariable[] {
  const out: EnvironmentVariable[] = [];
  for (const b of resolver.branches(node)) if (b.node) variablesIn(resolver, b.node, 'map', prefix, b.via, out);
  return out;
}

function follow(
  resolver: Resolver,
  node: CfnNode | undefined,
  path: readonly string[],
  label: string[],
  via: string[],
  visit: (node: CfnNode, label: string, via: string[]) => void,
): void {
  for (const b of resolver.branches(node, via)) {
    const n = b.node;
    if (!n || intrinsicName(n)) continue;
    const [step, ...rest] = path;
    if (step === undefined) {
      visit(n, label.join('.'), b.via);
      continue;
    }
    if (step === '*') {
      if (n.kind !== 'seq') continue;
      const last = label.length - 1;
      n.items.forEach((item, i) => {
        const here = [...label.slice(0, last), `${label[last] ?? ''}[${i}]`];
        follow(resolver, item, rest, here, b.via, visit);
      });
      continue;
    }
    follow(resolver, get(n, step), rest, [...label, step], b.via, visit);
  }
}

function variablesIn(resolver: Resolver, node: CfnNode, shape: 'map' | 'pairs', label: string, via: string[], out: EnvironmentVariable[]): void {
  if (shape === 'map') {
    if (node.kind !== 'map') return;
    for (const e of node.entries) pushBranches(resolver, e.key, e.value, `${label}.${e.key}`, via, out);
    return;
  }
  if (node.kind !== 'seq') return;
  for (const item of node.items) {
    for (const b of resolver.branches(item, via)) {
      if (!b.node || intrinsicName(b.node)) continue;
      const name = resolver.value(get(b.node, 'Name'));
      const type = scalarString(get(b.node, 'Type'));
      const value = get(b.node, 'Value');
      if (typeof name !== 'string' || !value || (type !== undefined && type.toUpperCase() !== 'PLAINTEXT')) continue;
      pushBranches(resolver, name, value, `${label}.${name}`, b.via, out);
    }
  }
}

function pushBranches(resolver: Resolver, name: string, value: CfnNode, property: string, via: string[], out: EnvironmentVariable[]): void {
  for (const b of resolver.branches(value, via) as Branch[]) if (b.node) out.push({ name, value: b.node, property, via: b.via });
}

/** Words after the one that decides: a qualifier of the same value (`DB_PASSWORD_PROD`, `API_TOKEN_VALUE`, `TOKEN_2`, Rails' `SECRET_KEY_BASE`). */
const TRAILING = new Set([
  'VALUE',
  'BASE',
  'STR',
  'STRING',
  'TEXT',
  'PLAIN',
  'PLAINTEXT',
  'RAW',
  'PROD',
  'PRODUCTION',
  'DEV',
  'STAGING',
  'STAGE',
  'TEST',
  'QA',
  'LIVE',
]);
const SECRET_WORDS = new Set(['PWD', 'PASS', 'PW', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'CREDENTIAL', 'CREDENTIALS', 'APIKEY', 'PRIVATEKEY', 'PASSPHRASE']);
/** `..._KEY` is a secret after these words (`STRIPE_API_KEY`, `JWT_SIGNING_KEY`), not after others (`CACHE_KEY`, `S3_KEY`, `AWS_ACCESS_KEY`). */
const KEY_QUALIFIERS = new Set([
  'API',
  'PRIVATE',
  'SECRET',
  'SIGNING',
  'ENCRYPTION',
  'MASTER',
  'LICENSE',
  'CLIENT',
  'AUTH',
  'HMAC',
  'WEBHOOK',
  'SESSION',
  'JWT',
]);

/**
 * Whether a variable's name says it holds a password, secret, token or key. The last word decides,
 * so a variable that names where the secret is kept is not one: `TOKEN_URL`, `DB_SECRET_ARN`,
 * `PASSWORD_PARAMETER_NAME`, `SECRETS_MANAGER_SECRET_ID`, `API_KEY_ID`. Words are split at `_`, `-`,
 * `.` and camelCase (`dbPassword`); `PWD` alone is the shell's working directory.
 */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== '');
  while (words.length > 1 && (TRAILING.has(words[words.length - 1] ?? '') || /^V?\d+$/.test(words[words.length - 1] ?? ''))) words.pop();
  const last = words[words.length - 1] ?? '';
  if (words.length === 1 && (last === 'PWD' || last === 'OLDPWD')) return false;
  if (/PASSWORD|PASSWD/.test(last) || SECRET_WORDS.has(last)) return true;
  return last === 'KEY' && KEY_QUALIFIERS.has(words[words.length - 2] ?? '');
}

/** Values that stand for a secret to be filled in, not a secret: `<password>`, `xxxx`, `****`, `TODO`, booleans, an ARN. */
const NOT_A_SECRET = /^(<[^<>]*>|x{3,}|\*{3,}|\.{3,}|todo|tbd|n\/a|none|null|nil|undefined|true|false|yes|no|on|off|arn:.*)$/is;

export function isPlaceholderValue(text: string): boolean {
  return NOT_A_SECRET.test(text.trim());
}

/** A URL with a password in it (`postgres://app:s3cret@db/app`), whatever its variable is named. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i;

export function urlHasPassword(text: string): boolean {
  const m = URL_PASSWORD.exec(text.trim());
  const password = m?.[1];
  return password !== undefined && !/^(\$\{|\{\{|<|\*+$|x{3,}$)/i.test(password);
}
