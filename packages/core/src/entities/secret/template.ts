import type { Notification } from '../../model/finding.js';
import { own } from '../../model/lookup.js';
import { decodeBase64Text } from '../../secrets/base64.js';
import { findSecrets, MAX_SECRETS_PER_FILE, type RawSecret, redactSecretsIn, secretEntity, secretIds, tooManySecrets } from '../../secrets/detect.js';
import type { CfnNode, CfnScalar } from '../../template/parsing/node.js';
import type { Template } from '../../template/types.js';
import type { SecretMatch } from './types.js';

const SECTION_NOUNS: Readonly<Record<string, string>> = {
  Parameters: 'parameter',
  Outputs: 'output',
  Mappings: 'mapping',
  Conditions: 'condition',
  Globals: 'globals',
};

/** Keys in the template's text and in base64-encoded user data, the first `MAX_SECRETS_PER_FILE` of them; a warning counts the rest. */
export function templateSecrets(template: Template, notifications: Notification[]): SecretMatch[] {
  const found = findSecrets(template.text);
  const encoded = base64UserDataSecrets(template);
  const tooMany = tooManySecrets(found.length + encoded.length, template.file);
  if (tooMany) notifications.push(tooMany);
  // Cut before the entities are built: their number, not the search, is what a file of keys costs.
  return [...textSecrets(template, found.slice(0, MAX_SECRETS_PER_FILE)), ...encoded].slice(0, MAX_SECRETS_PER_FILE);
}

/**
 * Keys anywhere in the template's text. Each is identified by the path of the deepest value holding
 * it (`Resources/Fn/Properties/Environment/Variables/KEY`) and its rank there, so moving lines or
 * resources keeps its id and nothing in the id comes from the key.
 */
function textSecrets(template: Template, found: readonly RawSecret[]): SecretMatch[] {
  if (found.length === 0) return [];
  const places = new NodePlaces(template.root);
  // A key written as a map key above the match is not shown whole in its id or message.
  const paths = found.map((s) => places.pathAt(s.start, s.end).map((p) => (typeof p === 'string' ? redactSecretsIn(p) : p)));
  const ids = secretIds(
    `${template.file}#`,
    found,
    paths.map((p) => p.join('/')),
  );
  return found.map((s, i) => {
    // The top-level section and entry holding the match, for messages and suppressions.
    const [section, entry] = paths[i] ?? [];
    const entryKey = typeof entry === 'string' ? entry : undefined;
    const isResource = section === 'Resources' && entryKey !== undefined;
    const noun = typeof section === 'string' ? own(SECTION_NOUNS, section) : undefined;
    const where = isResource ? `resource ${entryKey}` : noun && entryKey ? `${noun} ${entryKey}` : template.file;
    const logicalPath = isResource ? entryKey : section !== undefined && entryKey ? `${section}/${entryKey}` : undefined;
    return secretEntity(ids[i] ?? '', s, { ...template.index.location(s.start, s.end), ...(logicalPath ? { logicalPath } : {}) }, where);
  });
}

/** The path of keys and indexes to the deepest value holding a span, children found by bisection (each container sorted once). */
class NodePlaces {
  private readonly children = new Map<CfnNode, { keys: (string | number)[]; nodes: CfnNode[] }>();

  constructor(private readonly root: CfnNode) {}

  pathAt(start: number, end: number): (string | number)[] {
    const path: (string | number)[] = [];
    let node = this.root;
    // Bounded however the tree was built (an alias may repeat a node).
    for (let depth = 0; depth < 1000; depth++) {
      const { keys, nodes } = this.sorted(node);
      let lo = 0;
      let hi = nodes.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((nodes[mid]?.span[0] ?? 0) <= start) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const child = nodes[k];
      if (!child || child.span[1] < end || child === node) break;
      path.push(keys[k] ?? '');
      node = child;
    }
    return path;
  }

  private sorted(node: CfnNode): { keys: (string | number)[]; nodes: CfnNode[] } {
    const known = this.children.get(node);
    if (known) return known;
    const pairs: [string | number, CfnNode][] =
      node.kind === 'map' ? node.entries.map((e) => [e.key, e.value]) : node.kind === 'seq' ? node.items.map((n, i) => [i, n]) : [];
    // Source order, which parsers keep; sorted only when a tree was built otherwise.
    if (pairs.some((p, i) => i > 0 && (pairs[i - 1]?.[1].span[0] ?? 0) > p[1].span[0])) pairs.sort((a, b) => a[1].span[0] - b[1].span[0]);
    const out = { keys: pairs.map((p) => p[0]), nodes: pairs.map((p) => p[1]) };
    this.children.set(node, out);
    return out;
  }
}

/**
 * Keys in `UserData` written as a base64 literal, which the text search cannot see. The match has no
 * position of its own inside the encoding, so it is located at the whole value.
 */
/**
 * Each scalar held under `key` in the tree, with its path, in document order: what a walk of every
 * node would find, without visiting the others.
 */
function scalarsUnder(root: CfnNode, key: string, visit: (node: CfnScalar, path: readonly (string | number)[]) => void): void {
  const path: (string | number)[] = [];
  const rec = (n: CfnNode): void => {
    if (n.kind === 'map') {
      for (const e of n.entries) {
        const v = e.value;
        if (v.kind === 'scalar' && e.key !== key) continue;
        path.push(e.key);
        if (v.kind === 'scalar') visit(v, path);
        else rec(v);
        path.pop();
      }
    } else if (n.kind === 'seq') {
      for (let i = 0; i < n.items.length; i++) {
        const item = n.items[i] as CfnNode;
        if (item.kind === 'scalar') continue;
        path.push(i);
        rec(item);
        path.pop();
      }
    }
  };
  rec(root);
}

function base64UserDataSecrets(template: Template): SecretMatch[] {
  const out: SecretMatch[] = [];
  const seen = new Set<number>();
  for (const res of template.resources.values()) {
    const userData = (node: CfnScalar, path: readonly (string | number)[]): void => {
      if (typeof node.value !== 'string' || seen.has(node.span[0])) return;
      // A loop body expanded several times is still one value in the file.
      seen.add(node.span[0]);
      const decoded = decodeBase64Text(node.value);
      if (decoded === undefined) return;
      const logicalId = redactSecretsIn(res.logicalId);
      const where = `base64-encoded user data of resource ${logicalId}`;
      const found = findSecrets(decoded);
      const place = redactSecretsIn(`${logicalId}/${path.join('/')}`);
      const ids = secretIds(`${template.file}#Resources/${place} (base64)`, found);
      found.forEach((s, i) => {
        out.push(secretEntity(ids[i] ?? '', s, { ...node.loc, logicalPath: place }, where, 'base64'));
      });
    };
    scalarsUnder(res.node, 'UserData', userData);
  }
  return out;
}
