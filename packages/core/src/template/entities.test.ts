import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractedFrom, of, templateEntitiesOf, templateFrom } from '../../../../test/entities.js';
import { ENTITY_SLICES } from '../entities/index.js';
import { extractEntities } from './entities.js';

const DATABASE = `Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: db}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, VPCSecurityGroups: [!Ref DbSg]}
  Key:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: ursula}
`;

describe('entities from templates', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps a template without identity resources free of identity entities', () => {
    const list = templateEntitiesOf('Resources:\n  T:\n    Type: AWS::SNS::Topic\n');
    expect(list.filter((e) => e.kind !== 'Secret')).toEqual([]);
  });

  it('a kind read by another is extracted once: the database holds the security group entity itself', () => {
    const { entities } = extractedFrom(DATABASE);
    const [group] = of('SecurityGroup', entities);
    expect(of('DbInstance', entities)[0]?.securityGroups[0]).toBe(group);
    expect(entities.filter((e) => e === group)).toHaveLength(1);
  });

  it('an extractor that fails costs its own kind, and what reads it, in this file: an error names what was not read', () => {
    const template = ENTITY_SLICES.SecurityGroup.template;
    if (!template) throw new Error('security groups have a template extractor');
    vi.spyOn(template, 'extract').mockImplementation(() => {
      throw new Error('boom');
    });
    const { entities, notifications } = extractedFrom(DATABASE);
    expect(notifications).toEqual([
      {
        level: 'error',
        code: 'internal-error',
        file: 't.yaml',
        message: 'Cannot read security groups from this template (internal error: boom); rules on them were not evaluated here',
      },
    ]);
    expect(of('SecurityGroup', entities)).toEqual([]);
    expect(of('DbInstance', entities)[0]).toMatchObject({ securityGroupIds: ['DbSg'], securityGroups: [] });
    expect(of('AccessKeyResource', entities)).toHaveLength(1);
  });

  it('generic resources only when a rule selects them', () => {
    const template = templateFrom(DATABASE);
    expect(of('Resource', extractEntities(template).entities)).toEqual([]);
    expect(of('Resource', extractEntities(template, undefined, true).entities).map((r) => [r.logicalId, r.resourceType])).toEqual([
      ['DbSg', 'AWS::EC2::SecurityGroup'],
      ['Db', 'AWS::RDS::DBInstance'],
      ['Key', 'AWS::IAM::AccessKey'],
    ]);
  });
});
