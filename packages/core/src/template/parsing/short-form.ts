import type { SourceLocation } from '../../model/location.js';
import type { CfnMap, CfnNode } from './node.js';

/** The intrinsic a short-form tag stands for (`!Ref` → `Ref`, `!Sub` → `Fn::Sub`), or undefined for another tag. */
export function shortTagToIntrinsic(tag: string): string | undefined {
  if (!tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  const name = tag.slice(1);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `!GetAtt A.B` becomes `{ Fn::GetAtt: [A, B] }`; every other short form `!X v` becomes `{ Fn::X: v }`. */
export function wrapIntrinsic(name: string, value: CfnNode, span: readonly [number, number], loc: SourceLocation): CfnMap {
  let inner = value;
  if (name === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
    const dot = value.value.indexOf('.');
    if (dot > 0) {
      inner = {
        kind: 'seq',
        span: value.span,
        loc: value.loc,
        items: [
          { ...value, value: value.value.slice(0, dot) },
          { ...value, value: value.value.slice(dot + 1) },
        ],
      };
    }
  }
  return { kind: 'map', span, loc, entries: [{ key: name, keyLoc: loc, value: inner }] };
}

/** Whether a character is one `\s` matches; ASCII without a regular expression, for the parser's every node. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}
