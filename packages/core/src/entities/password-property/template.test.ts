import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('passwords and the parameters that hold them, from templates', () => {
  it('tells where each password comes from', () => {
    const list = templateEntitiesOf(
      `Parameters:
  NoEchoNoDefault: { Type: String, NoEcho: true }
  Plain: { Type: String }
  Given: { Type: String, Default: x }
Resources:
  A: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref NoEchoNoDefault } }
  B: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref Plain } }
  C: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref Given } }
  D: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: '{{resolve:ssm-secure:/d}}' } }
  E: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !GetAtt Gen.Password } }
  F: { Type: AWS::RDS::DBCluster, Properties: { ManageMasterUserPassword: true, MasterUserPassword: ignored } }
  G: { Type: AWS::MemoryDB::User, Properties: { AuthenticationMode: { Type: password, Passwords: [p1, '{{resolve:secretsmanager:g}}'] } } }
`,
      { Given: 'deploy-time' },
    );
    const passwords = of('PasswordProperty', list);
    expect(passwords.map((p) => [p.displayName, p.property, p.valueSource, p.literal, p.parameter])).toEqual([
      ['A', 'MasterUserPassword', 'noecho-parameter', false, 'NoEchoNoDefault'],
      ['B', 'MasterUserPassword', 'parameter', false, 'Plain'],
      ['C', 'MasterUserPassword', 'parameter', false, 'Given'],
      ['D', 'MasterUserPassword', 'secure-reference', false, undefined],
      ['E', 'MasterUserPassword', 'managed', false, undefined],
      ['G', 'AuthenticationMode.Passwords[0]', 'literal', true, undefined],
      ['G', 'AuthenticationMode.Passwords[1]', 'secure-reference', false, undefined],
    ]);
    const params = of('TemplateParameter', list);
    expect(params.map((p) => [p.name, p.noEcho, p.hasDefault, p.usedAsSecret])).toEqual([
      ['NoEchoNoDefault', true, false, ['MasterUserPassword of A']],
      ['Plain', false, false, ['MasterUserPassword of B']],
      ['Given', false, true, ['MasterUserPassword of C']],
    ]);
  });
});
