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

/** Values of Resources.R.Properties.V, with the resolver options given. */
function valuesOf(body: string, options: ConstructorParameters<typeof Resolver>[1] = {}) {
  const t = template(body);
  return new Resolver(t, options).values(get(t.resources.get('R')?.properties, 'V')).map(({ value, via }) => ({ value, via }));
}

const R = (v: string) => `Resources:\n  R:\n    Type: AWS::EC2::Subnet\n    Properties:\n      V: ${v}\n`;

describe('Resolver: Fn::GetAZs', () => {
  it('the nth zone of the current region is a symbolic name, the same however the region is written', () => {
    expect(valuesOf(R("!Select [0, !GetAZs '']"))).toEqual([{ value: 'Fn::GetAZs[0]', via: [] }]);
    expect(valuesOf(R("!Select ['1', !GetAZs {Ref: 'AWS::Region'}]"))).toEqual([{ value: 'Fn::GetAZs[1]', via: [] }]);
    expect(valuesOf(R('{"Fn::Select": [2, {"Fn::GetAZs": ""}]}'))).toEqual([{ value: 'Fn::GetAZs[2]', via: [] }]);
  });

  it('another region is told apart, unless it is the region the scan is for', () => {
    expect(valuesOf(R('!Select [0, !GetAZs eu-west-1]'))).toEqual([{ value: 'Fn::GetAZs(eu-west-1)[0]', via: [] }]);
    expect(valuesOf(R('!Select [0, !GetAZs eu-west-1]'), { region: 'eu-west-1' })).toEqual([{ value: 'Fn::GetAZs[0]', via: [] }]);
  });

  it('an index from a parameter keeps its via; a bad index or GetAZs alone is unknown', () => {
    expect(valuesOf(`Parameters:\n  Zone: {Type: Number, Default: 1}\n${R("!Select [!Ref Zone, !GetAZs '']")}`)).toEqual([
      { value: 'Fn::GetAZs[1]', via: ['default of parameter Zone'] },
    ]);
    expect(valuesOf(R("!Select [x, !GetAZs '']"))[0]?.value).toBeUndefined();
    expect(valuesOf(R("!GetAZs ''"))[0]?.value).toBeUndefined();
  });
});

describe('Resolver: Fn::GetAtt CidrBlock', () => {
  const VPC = '  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref VpcCidr\n';

  it("a VPC's or subnet's CidrBlock is the property it was given, via named", () => {
    const body = `Parameters:\n  VpcCidr: {Type: String, Default: 10.1.0.0/16}\n${R('!GetAtt Vpc.CidrBlock')}${VPC}`;
    expect(valuesOf(body)).toEqual([{ value: '10.1.0.0/16', via: ['CidrBlock of Vpc', 'default of parameter VpcCidr'] }]);
    expect(valuesOf(`${R('!GetAtt [S, CidrBlock]')}  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: 10.1.2.0/24\n`)).toEqual([
      { value: '10.1.2.0/24', via: ['CidrBlock of S'] },
    ]);
  });

  it('other attributes, other types and unknown resources stay unknown', () => {
    expect(valuesOf(`${R('!GetAtt Vpc.DefaultSecurityGroup')}${VPC}`)[0]?.value).toBeUndefined();
    expect(
      valuesOf(`${R('!GetAtt Db.CidrBlock')}  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      CidrBlock: 10.0.0.0/8\n`)[0]?.value,
    ).toBeUndefined();
    expect(valuesOf(R('!GetAtt Missing.CidrBlock'))[0]?.value).toBeUndefined();
  });

  it('a finding points at the GetAtt, not at the VPC', () => {
    const t = template(`${R('!GetAtt Vpc.CidrBlock')}  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n`);
    const [c] = new Resolver(t).values(get(t.resources.get('R')?.properties, 'V'));
    expect(c?.at?.loc.line).toBe(6);
  });
});
