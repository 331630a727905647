import type { SourceLocation } from '../../model/location.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../parsing/node.js';
import type { Template } from '../types.js';

/** One use of a logical id: `Ref`, `Fn::GetAtt` or a `${Name}`/`${Name.Attr}` inside `Fn::Sub`. */
export interface Reference {
  /** Logical id of the resource that refers, or `Outputs/<name>` for an output. */
  from: string;
  fromType?: string;
  /** Property path inside the referring resource, e.g. `Properties/AllocationId`. */
  path: string;
  kind: 'Ref' | 'GetAtt' | 'Sub';
  attribute?: string;
  loc: SourceLocation;
}

const SUB_VAR = /\$\{([A-Za-z0-9_:]+)(?:\.([A-Za-z0-9_.]+))?\}/g;

/** Who refers to each logical id, built once per template, when first asked. */
export class TemplateGraph {
  private refs: Map<string, Reference[]> | undefined;

  constructor(readonly template: Template) {}

  referencesTo(logicalId: string): Reference[] {
    // Built on first use: most templates have no resource whose kind asks who refers to it.
    if (!this.refs) {
      // Kept only once whole: a failure here fails every question, never answers one short.
      const refs = new Map<string, Reference[]>();
      for (const res of this.template.resources.values()) this.index(refs, res.node, res.logicalId, res.type);
      const outputs = get(this.template.root, 'Outputs');
      if (outputs?.kind === 'map') for (const e of outputs.entries) this.index(refs, e.value, `Outputs/${e.key}`, undefined);
      this.refs = refs;
    }
    return this.refs.get(logicalId) ?? [];
  }

  /** The logical id a `Ref`/`Fn::GetAtt` node points at, if it points at a resource of the template. */
  target(node: CfnNode | undefined): { logicalId: string; attribute?: string } | undefined {
    const fn = intrinsicName(node);
    if (fn === 'Ref') {
      const id = scalarString(get(node, 'Ref'));
      return id && this.template.resources.has(id) ? { logicalId: id } : undefined;
    }
    if (fn === 'Fn::GetAtt') {
      const arg = get(node, 'Fn::GetAtt');
      const [id, attribute] = arg?.kind === 'seq' ? arg.items.map(scalarString) : (scalarString(arg)?.split(/\.(.*)/) ?? []);
      return id && this.template.resources.has(id) ? { logicalId: id, ...(attribute ? { attribute } : {}) } : undefined;
    }
    return undefined;
  }

  private add(refs: Map<string, Reference[]>, target: string, ref: Reference): void {
    const list = refs.get(target);
    if (list) list.push(ref);
    else refs.set(target, [ref]);
  }

  private index(refs: Map<string, Reference[]>, root: CfnNode, from: string, fromType: string | undefined): void {
    // One mutable path for the whole walk: most nodes are not references, so their path is never joined.
    const path: (string | number)[] = [];
    const visit = (node: CfnNode): void => {
      const fn = intrinsicName(node);
      if (fn === 'Ref' || fn === 'Fn::GetAtt') {
        const t = this.target(node);
        if (t)
          this.add(refs, t.logicalId, {
            ...this.where(from, fromType, path, node),
            kind: fn === 'Ref' ? 'Ref' : 'GetAtt',
            ...(t.attribute ? { attribute: t.attribute } : {}),
          });
      } else if (fn === 'Fn::Sub') {
        const arg = get(node, 'Fn::Sub');
        const text = arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg);
        if (text?.includes('${')) {
          for (const m of text.matchAll(SUB_VAR)) {
            const id = m[1] ?? '';
            if (this.template.resources.has(id))
              this.add(refs, id, { ...this.where(from, fromType, path, node), kind: 'Sub', ...(m[2] ? { attribute: m[2] } : {}) });
          }
        }
      }
      // Scalars, most nodes, refer to nothing.
      if (node.kind === 'map') {
        for (const e of node.entries) {
          if (e.value.kind === 'scalar') continue;
          path.push(e.key);
          visit(e.value);
          path.pop();
        }
      } else if (node.kind === 'seq') {
        for (let i = 0; i < node.items.length; i++) {
          const item = node.items[i] as CfnNode;
          if (item.kind === 'scalar') continue;
          path.push(i);
          visit(item);
          path.pop();
        }
      }
    };
    visit(root);
  }

  private where(from: string, fromType: string | undefined, path: readonly (string | number)[], node: CfnNode): Omit<Reference, 'kind'> {
    return { from, ...(fromType ? { fromType } : {}), path: path.join('/'), loc: node.loc };
  }
}
