import type { SourceLocation } from '../../model/location.js';
import { own } from '../../model/lookup.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../../template/parsing/node.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template, TemplateResource } from '../../template/types.js';
import type { TemplateInput } from '../slice.js';
import {
  ENVIRONMENT_PROPERTIES,
  type EnvironmentVariable,
  isPlaceholderValue,
  isSecretName,
  mapVariables,
  resourceVariables,
  urlHasPassword,
} from './environment.js';
import type { PasswordProperty, PasswordValueSource } from './types.js';

/** Keys that hold a password wherever they appear in a resource's properties (as cfn-lint's W2501 reads them). */
const PASSWORD_KEYS = new Set([
  'Password',
  'Passwords',
  'MasterUserPassword',
  'DbPassword',
  'AdminPassword',
  'AdminUserPassword',
  'AccountPassword',
  'KdcAdminPassword',
  'CrossRealmTrustPrincipalPassword',
  'ADDomainJoinPassword',
  'SvmAdminPassword',
  'FsxAdminPassword',
]);

/** Secrets that only some resource types name so: tokens and private keys. */
const TYPE_SECRET_KEYS: Readonly<Record<string, readonly string[]>> = {
  'AWS::ElastiCache::ReplicationGroup': ['AuthToken'],
  'AWS::Amplify::App': ['AccessToken', 'OauthToken'],
  'AWS::Pinpoint::APNSChannel': ['PrivateKey', 'TokenKey'],
  'AWS::Pinpoint::APNSSandboxChannel': ['PrivateKey', 'TokenKey'],
  'AWS::Pinpoint::APNSVoipChannel': ['PrivateKey', 'TokenKey'],
  'AWS::Pinpoint::APNSVoipSandboxChannel': ['PrivateKey', 'TokenKey'],
  'AWS::Pinpoint::GCMChannel': ['ApiKey'],
  'AWS::Pinpoint::BaiduChannel': ['ApiKey', 'SecretKey'],
  'AWS::OpsWorks::App': ['PrivateKey'],
  'AWS::CodePipeline::Webhook': ['SecretToken'],
  'AWS::KinesisFirehose::DeliveryStream': ['HECToken'],
  'AWS::CodeBuild::SourceCredential': ['Token'],
  'AWS::DataSync::LocationObjectStorage': ['SecretKey'],
  'AWS::Glue::Connection': ['PASSWORD'],
  'Alexa::ASK::Skill': ['ClientSecret', 'RefreshToken'],
};

/** Documents with their own interpolation (`{{ Param }}`, `$.path`): a `Password` key there is not a value. */
const SKIPPED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::SSM::Document': ['Content'],
  'AWS::StepFunctions::StateMachine': ['Definition', 'DefinitionString'],
  'AWS::Serverless::StateMachine': ['Definition'],
};

/**
 * A value that is only a placeholder of some other templating: `{{ Password }}`, `\${Password}`, `$.password`.
 * No two parts can match the same characters, so a long value is matched in one pass.
 */
const PLACEHOLDER = /^(\{\{(?!resolve:)[^{}]+\}\}|\$\{[^{}]+\}|\$\.[\w.[\]]+)$/;

const SECURE_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure):/;
const PLAIN_SSM_REFERENCE = /\{\{resolve:ssm:/;

const NAMES_ONLY: ReadonlySet<PasswordValueSource> = new Set(['secure-reference', 'plaintext-ssm', 'managed']);

export interface PasswordScan {
  passwords: PasswordProperty[];
  /** Parameter name → the password properties it feeds, e.g. `MasterUserPassword of Db`. */
  secretParameters: Map<string, string[]>;
}

/** The template's passwords, scanned once for the two kinds that read them (`input.once(scanPasswords)`). */
export function scanPasswords(input: TemplateInput): PasswordScan {
  return passwordsOf(input.template, input.resolver);
}

/** Password-bearing properties of every resource, with where their value comes from. */
export function passwordsOf(template: Template, resolver: Resolver): PasswordScan {
  const passwords: PasswordProperty[] = [];
  const secretParameters = new Map<string, string[]>();
  for (const res of template.resources.values()) {
    if (!res.properties) continue;
    const keys = new Set([...PASSWORD_KEYS, ...(own(TYPE_SECRET_KEYS, res.type) ?? [])]);
    // Secrets Manager and AWS-managed master passwords hold no password in the template.
    if (truthy(resolver, get(res.properties, 'ManageMasterUserPassword'))) keys.delete('MasterUserPassword');
    // Environment variables are judged by their names, below.
    const skipped = new Set([...(own(SKIPPED_PROPERTIES, res.type) ?? []), ...(own(ENVIRONMENT_PROPERTIES, res.type) ?? [])]);
    const props = { ...res.properties, entries: res.properties.entries.filter((e) => !skipped.has(e.key)) };
    findKeys(resolver, props, [], [], keys, (node, path, via) => {
      const property = path.join('.');
      const values = node.kind === 'seq' && path[path.length - 1]?.startsWith('Passwords') ? node.items : [node];
      values.forEach((value, i) => {
        const prop = values.length > 1 || node.kind === 'seq' ? `${property}[${i}]` : property;
        const found = classify(template, resolver, value, via);
        // A parameter inside a dynamic reference names the secret; it does not hold it.
        const holders = NAMES_ONLY.has(found.source) ? [] : found.parameters;
        for (const p of holders) {
          const uses = secretParameters.get(p) ?? [];
          uses.push(`${prop} of ${res.logicalId}`);
          secretParameters.set(p, uses);
        }
        passwords.push(entity(template, res, prop, found));
      });
    });
    for (const v of resourceVariables(resolver, res.type, res.properties)) variable(res, v);
  }
  // SAM's Globals give every function of the template these variables.
  const globals = get(get(get(template.root, 'Globals'), 'Function'), 'Environment');
  for (const v of mapVariables(resolver, get(globals, 'Variables'), 'Function.Environment.Variables')) variable(GLOBALS, v);
  // A Serverless Framework service gives its functions `provider.environment` and each its own `environment`.
  const service = template.serverless;
  if (service) {
    for (const v of mapVariables(resolver, get(get(service, 'provider'), 'environment'), 'environment')) variable(PROVIDER, v);
    const functions = get(service, 'functions');
    const groups = functions?.kind === 'seq' ? functions.items : [functions];
    for (const group of groups) {
      if (group?.kind !== 'map') continue;
      for (const f of group.entries) {
        const owner = { logicalId: `functions.${f.key}`, type: 'AWS::Lambda::Function' };
        for (const v of mapVariables(resolver, get(f.value, 'environment'), 'environment')) variable(owner, v);
      }
    }
  }
  return { passwords, secretParameters };

  function variable(owner: Owner, v: EnvironmentVariable): void {
    const text = v.value.kind === 'scalar' && v.value.value !== null ? String(v.value.value) : undefined;
    let found: Classified;
    if (!isSecretName(v.name)) {
      // Any variable may hold a connection string with its password in it.
      if (text === undefined || !urlHasPassword(text) || unknownText(template, text)) return;
      found = { source: 'literal', location: v.value.loc, via: v.via, parameters: [] };
    } else {
      if (text !== undefined && isPlaceholderValue(text)) return;
      found = classify(template, resolver, v.value, v.via);
    }
    for (const p of NAMES_ONLY.has(found.source) ? [] : found.parameters) {
      const uses = secretParameters.get(p) ?? [];
      uses.push(`${v.property} of ${owner.logicalId}`);
      secretParameters.set(p, uses);
    }
    passwords.push(entity(template, owner, v.property, found, v.name));
  }
}

/** What a password belongs to: a resource, or the template's `Globals` for its functions. */
type Owner = Pick<TemplateResource, 'logicalId' | 'type'>;
const GLOBALS: Owner = { logicalId: 'Globals', type: 'AWS::Serverless::Function' };
const PROVIDER: Owner = { logicalId: 'provider', type: 'AWS::Lambda::Function' };

/** Text another tool fills in before CloudFormation sees it (a Serverless Framework `${ssm:...}`): not a value. */
function unknownText(template: Template, text: string): boolean {
  return template.variables?.test(text) ?? false;
}

function truthy(resolver: Resolver, node: CfnNode | undefined): boolean {
  const v = resolver.value(node);
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/** Visits each property whose key is one of `keys`, at any depth, through `Fn::If` branches. */
function findKeys(
  resolver: Resolver,
  node: CfnNode | undefined,
  path: string[],
  via: string[],
  keys: ReadonlySet<string>,
  visit: (node: CfnNode, path: string[], via: string[]) => void,
): void {
  // A scalar holds no key, and is its own one branch.
  if (!node || node.kind === 'scalar') return;
  for (const b of resolver.branches(node, via)) {
    const n = b.node;
    if (!n || intrinsicName(n)) continue;
    // One path for the whole walk, changed in place: copying it at every level would be quadratic in the depth.
    if (n.kind === 'map') {
      for (const e of n.entries) {
        path.push(e.key);
        if (keys.has(e.key)) {
          for (const vb of resolver.branches(e.value, b.via)) if (vb.node) visit(vb.node, [...path], vb.via);
        } else findKeys(resolver, e.value, path, b.via, keys, visit);
        path.pop();
      }
    } else if (n.kind === 'seq') {
      const top = path.length === 0;
      if (top) path.push('');
      const at = path.length - 1;
      const last = path[at] ?? '';
      for (let i = 0; i < n.items.length; i++) {
        const item = n.items[i] as CfnNode;
        if (item.kind === 'scalar') continue;
        path[at] = `${last}[${i}]`;
        findKeys(resolver, item, path, b.via, keys, visit);
      }
      if (top) path.pop();
      else path[at] = last;
    }
  }
}

interface Classified {
  source: PasswordValueSource;
  parameter?: string;
  location: SourceLocation;
  via: string[];
  /** Parameters the value is built from. */
  parameters: string[];
}

function classify(template: Template, resolver: Resolver, node: CfnNode, via: string[]): Classified {
  const base = { location: node.loc, via, parameters: parametersIn(template, node) };
  if (node.kind === 'scalar') {
    const text = String(node.value);
    if (node.value === null || typeof node.value === 'boolean' || text === '' || PLACEHOLDER.test(text.trim()) || unknownText(template, text)) {
      return { ...base, source: 'unknown' };
    }
    return { ...base, source: textSource(String(node.value)) ?? 'literal' };
  }
  const fn = intrinsicName(node);
  if (fn === 'Ref') {
    const name = scalarString(get(node, 'Ref')) ?? '';
    const param = template.parameters.get(name);
    if (!param) return { ...base, source: 'unknown' };
    const def = param.default?.kind === 'scalar' ? param.default.value : undefined;
    const noEcho = String(scalarString(get(param.node, 'NoEcho')) ?? '').toLowerCase() === 'true';
    // A value given at deploy time replaces the default and is not written in the template.
    const given = own(resolver.options.parameters, name) !== undefined;
    if (!given && def !== undefined && def !== null && String(def) !== '') {
      const text = String(def);
      const dynamic = textSource(text);
      if (dynamic) return { ...base, source: dynamic, parameter: name };
      return { ...base, source: 'parameter-default', parameter: name, via: [...via, `default of parameter ${name}`] };
    }
    return { ...base, source: noEcho ? 'noecho-parameter' : 'parameter', parameter: name };
  }
  if (fn === 'Fn::Sub' || fn === 'Fn::Join' || fn === 'Fn::FindInMap' || fn === 'Fn::Select') {
    const raw = rawText(node);
    const dynamic = raw !== undefined ? textSource(raw) : undefined;
    if (dynamic) return { ...base, source: dynamic };
    for (const c of resolver.values(node)) {
      if (typeof c.value !== 'string' || c.value === '') continue;
      const source = textSource(c.value);
      if (source) return { ...base, source };
      // Known text built only from literals (or a mapping): written in the template.
      const fromParams = c.via.some((v) => v.includes('parameter'));
      if (fromParams) continue;
      const fromMapping = fn === 'Fn::FindInMap' || c.via.some((v) => v.startsWith('mapping '));
      return { ...base, via: [...via, ...c.via], source: fromMapping ? 'mapping' : 'literal' };
    }
    return { ...base, source: 'unknown' };
  }
  if (fn === 'Fn::GetAtt' || fn === 'Fn::ImportValue') return { ...base, source: 'managed' };
  return { ...base, source: 'unknown' };
}

function textSource(text: string): PasswordValueSource | undefined {
  if (SECURE_REFERENCE.test(text)) return 'secure-reference';
  if (PLAIN_SSM_REFERENCE.test(text)) return 'plaintext-ssm';
  return undefined;
}

/** The literal text parts of a `Fn::Sub` or `Fn::Join`, enough to see a dynamic reference in them. */
function rawText(node: CfnNode): string | undefined {
  const fn = intrinsicName(node);
  const arg = fn ? get(node, fn) : undefined;
  if (fn === 'Fn::Sub') return arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg);
  if (fn === 'Fn::Join' && arg?.kind === 'seq' && arg.items[1]?.kind === 'seq') return arg.items[1].items.map((i) => scalarString(i) ?? '').join('');
  return undefined;
}

/** Parameters a value refers to: `Ref`, and `${Name}` in `Fn::Sub`. */
function parametersIn(template: Template, node: CfnNode): string[] {
  const out = new Set<string>();
  const rec = (n: CfnNode): void => {
    const fn = intrinsicName(n);
    if (fn === 'Ref') {
      const name = scalarString(get(n, 'Ref'));
      if (name && template.parameters.has(name)) out.add(name);
      return;
    }
    if (fn === 'Fn::Sub') {
      const arg = get(n, 'Fn::Sub');
      const text = arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg);
      const vars = arg?.kind === 'seq' ? arg.items[1] : undefined;
      for (const m of (text ?? '').matchAll(/\$\{([^}!.]+)\}/g)) {
        const name = (m[1] ?? '').trim();
        if (!get(vars, name) && template.parameters.has(name)) out.add(name);
      }
    }
    if (n.kind === 'map') for (const e of n.entries) rec(e.value);
    else if (n.kind === 'seq') for (const i of n.items) rec(i);
  };
  rec(node);
  return [...out];
}

function entity(template: Template, res: Owner, property: string, c: Classified, variable?: string): PasswordProperty {
  const literal = c.source === 'literal' || c.source === 'mapping' || c.source === 'parameter-default';
  const out: PasswordProperty = {
    kind: 'PasswordProperty',
    id: `${template.file}#${res.logicalId}/${property}`,
    source: 'template',
    location: { ...c.location, logicalPath: `${res.logicalId}/${property}` },
    displayName: res.logicalId,
    resourceType: res.type,
    property,
    literal,
    valueSource: c.source,
  };
  if (c.parameter) out.parameter = c.parameter;
  if (variable !== undefined) out.variable = variable;
  if (c.via.length > 0) out.via = c.via;
  return out;
}
