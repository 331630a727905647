import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../load.js';
import { get } from '../parsing/node.js';
import type { Template } from '../types.js';
import { Resolver } from './resolve.js';

function template(body: string): Template {
  const out = loadTemplate('t.yaml', `AWSTemplateFormatVersion: '2010-09-09'\n${body}`, true);
  if (!out.template) throw new Error(JSON.stringify(out.notifications));
  return out.template;
}

/** Values of Resources.R.Properties.V. */
function valuesOf(body: string, parameters?: Record<string, string>) {
  const t = template(body);
  const node = get(t.resources.get('R')?.properties, 'V');
  return new Resolver(t, parameters ? { parameters } : {}).values(node).map(({ value, via }) => ({ value, via }));
}

const R = (v: string) => `Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      V: ${v}\n`;

describe('Resolver', () => {
  it('a parameter default, named in via', () => {
    expect(valuesOf(`Parameters:\n  P: {Type: String, Default: abc}\n${R('!Ref P')}`)).toEqual([{ value: 'abc', via: ['default of parameter P'] }]);
  });

  it('a value given at deploy time wins over the default', () => {
    expect(valuesOf(`Parameters:\n  P: {Type: String, Default: abc}\n${R('!Ref P')}`, { P: 'xyz' })).toEqual([{ value: 'xyz', via: ['parameter P = "xyz"'] }]);
  });

  it('a parameter without default is unknown', () => {
    expect(valuesOf(`Parameters:\n  P: {Type: String}\n${R('!Ref P')}`)).toEqual([{ value: undefined, via: ['parameter P'] }]);
  });

  it('Fn::If yields both branches, each naming the condition', () => {
    expect(valuesOf(`Conditions:\n  C: !Equals [!Ref AWS::Region, us-east-1]\n${R('!If [C, a, b]')}`)).toEqual([
      { value: 'a', via: ['when condition C is true'] },
      { value: 'b', via: ['when condition C is false'] },
    ]);
  });

  it('Fn::If takes one branch when the condition is decided by given values', () => {
    const body = `Parameters:\n  Env: {Type: String, Default: dev}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n${R('!If [IsProd, a, b]')}`;
    expect(valuesOf(body, { Env: 'prod' })).toEqual([{ value: 'a', via: ['when condition IsProd is true'] }]);
    // The default is one possible deployment, not the only one.
    expect(valuesOf(body).map((c) => c.value)).toEqual(['a', 'b']);
  });

  it('Fn::Sub with parameters, pseudo parameters, a variable map and an escape', () => {
    expect(valuesOf(`Parameters:\n  P: {Type: String, Default: x}\n${R('!Sub ["${P}-${Q}-${AWS::Partition}-${!Lit}", {Q: q}]')}`)[0]?.value).toBe(
      'x-q-aws-${Lit}',
    );
  });

  it('Fn::Sub with an attribute is unknown', () => {
    expect(valuesOf(R('!Sub "${Db.Endpoint.Address}:5432"'))[0]?.value).toBeUndefined();
  });

  it('Fn::Join, Fn::Select and Fn::Split', () => {
    expect(valuesOf(R('!Join ["/", [a, !Select [1, [x, y]]]]'))[0]?.value).toBe('a/y');
    expect(valuesOf(R('!Select [2, !Split [",", "a,b,c"]]'))[0]?.value).toBe('c');
  });

  it('Fn::FindInMap, with an unknown top key meaning any entry', () => {
    const maps = 'Mappings:\n  M:\n    us-east-1: {Cidr: 10.0.0.0/8}\n    eu-west-1: {Cidr: 0.0.0.0/0}\n';
    expect(valuesOf(`${maps}${R('!FindInMap [M, eu-west-1, Cidr]')}`).map((c) => c.value)).toEqual(['0.0.0.0/0']);
    expect(valuesOf(`${maps}${R('!FindInMap [M, !Ref AWS::Region, Cidr]')}`).map((c) => c.value)).toEqual(['10.0.0.0/8', '0.0.0.0/0']);
  });

  it('a CommaDelimitedList parameter resolves to a list', () => {
    expect(valuesOf(`Parameters:\n  L: {Type: CommaDelimitedList, Default: "a, b"}\n${R('!Select [1, !Ref L]')}`)[0]?.value).toBe('b');
  });

  it('branches() drops AWS::NoValue', () => {
    const t = template(`Conditions:\n  C: !Equals [a, b]\n${R('!If [C, [1], !Ref AWS::NoValue]')}`);
    const node = get(t.resources.get('R')?.properties, 'V');
    // `!Equals [a, b]` is decidable: false, so only the NoValue branch remains.
    expect(new Resolver(t).branches(node)).toEqual([{ node: undefined, via: ['when condition C is false'] }]);
  });

  it('points each candidate at the node it comes from', () => {
    const t = template(`Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n${R('!If [C, a, b]')}`);
    const node = get(t.resources.get('R')?.properties, 'V');
    const cols = new Resolver(t).values(node).map((c) => c.at?.loc.column);
    // `      V: !If [C, a, b]`: a is at column 18, b at 21.
    expect(cols).toEqual([18, 21]);
  });
});
