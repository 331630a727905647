import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('access keys from templates', () => {
  it('names the user a key belongs to, by its logical id', () => {
    const list = templateEntitiesOf(`Resources:
  U:
    Type: AWS::IAM::User
    Properties: { UserName: ursula }
  K:
    Type: AWS::IAM::AccessKey
    Properties: { UserName: !Ref U, Status: Inactive }
`);
    const [key] = of('AccessKeyResource', list);
    expect(key).toMatchObject({ userName: 'U', secretExposures: [] });
  });
});
