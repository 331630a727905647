import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { scanText } from '../scan.js';
import { append } from './append.js';

describe('append', () => {
  it('adds a list far longer than a call can take as arguments', () => {
    const long = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(long as never[]))).toThrow(RangeError);
    const out = append([-1], long);
    expect([out.length, out[0], out[500_000]]).toEqual([500_001, -1, 499_999]);
  });

  it('a template list of 300,000 values is read, not a stack overflow', async () => {
    const values = Array.from({ length: 300_000 }, (_, i) => `arn:aws:s3:::b${i}/`).join(',');
    const text = `Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: logs\n      EventSelectors:\n        - DataResources:\n            - Type: AWS::S3::Object\n              Values: !Split [",", "${values}"]\n`;
    const { notifications } = await scanText({ file: 't.yaml', text, rules });
    expect(notifications.filter((n) => n.level === 'error')).toEqual([]);
  });
});
