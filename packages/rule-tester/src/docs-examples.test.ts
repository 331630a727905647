import { type AnyRule, defineRule } from '@mamori/core';
import { afterEach, describe, expect, it } from 'vitest';
import { docsExamples, exampleTemplate, RuleTester, type TestFunction } from './index.js';

const fence = (lang: string, code: string): string => `\`\`\`${lang}\n${code}\n\`\`\``;

/** Reports buckets without versioning; its docs are given per test. */
function bucketRule(docs: { risk: string; fix: string }): AnyRule {
  return defineRule({
    id: 'TEST001',
    name: 'test-bucket-versioning',
    title: 'Buckets keep old versions',
    description: 'S3 buckets have versioning enabled.',
    severity: 'warning',
    area: 'resilience',
    tags: [],
    compliance: {},
    covers: {},
    docs,
    messages: { off: 'Bucket {{name}} keeps no old versions.' },
    entity: 'Resource',
    check(resource, context) {
      if (resource.resourceType === 'AWS::S3::Bucket' && !resource.properties.VersioningConfiguration) {
        context.report({ messageId: 'off', data: { name: resource.displayName } });
      }
    },
  }) as AnyRule;
}

const VERSIONED = 'Bucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    VersioningConfiguration: {Status: Enabled}';
const UNVERSIONED = 'Bucket:\n  Type: AWS::S3::Bucket';

/** Outcomes of the tests `runDocsExamples` registers, by title: `ok` or the failure's message. */
async function outcomes(rule: AnyRule, options: Parameters<RuleTester['runDocsExamples']>[1] = {}): Promise<Record<string, string>> {
  const tests: { title: string; fn: TestFunction }[] = [];
  RuleTester.describe = (_title, body) => body();
  RuleTester.it = (title, fn) => tests.push({ title, fn });
  new RuleTester().runDocsExamples(rule, options);
  const out: Record<string, string> = {};
  for (const t of tests) {
    try {
      await t.fn();
      out[t.title] = 'ok';
    } catch (err) {
      out[t.title] = err instanceof Error ? err.message : String(err);
    }
  }
  return out;
}

afterEach(() => {
  RuleTester.describe = undefined;
  RuleTester.it = undefined;
});

describe('docsExamples', () => {
  it('takes the YAML and JSON blocks of fix and risk, in order, and leaves shell out', () => {
    const rule = bucketRule({
      risk: `Like this:\n\n${fence('yaml', UNVERSIONED)}\n`,
      fix: `Enable it:\n\n${fence('yml', VERSIONED)}\n\nor:\n\n${fence('json', '{}')}\n\n${fence('sh', 'aws s3api put-bucket-versioning')}\n`,
    });
    expect(docsExamples(rule)).toEqual([
      { part: 'fix', index: 1, lang: 'yaml', code: VERSIONED },
      { part: 'fix', index: 2, lang: 'json', code: '{}' },
      { part: 'risk', index: 1, lang: 'yaml', code: UNVERSIONED },
    ]);
  });
});

describe('exampleTemplate', () => {
  it('puts resources under Resources and keeps the sections given beside them', () => {
    const code = `${VERSIONED}\nOutputs:\n  Name:\n    Value: !Ref Bucket`;
    expect(exampleTemplate({ lang: 'yaml', code }).text).toBe(
      'Outputs:\n  Name:\n    Value: !Ref Bucket\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n',
    );
  });

  it('puts properties into one resource of the type given, and says when none is', () => {
    const code = 'VersioningConfiguration:\n  Status: Enabled  # kept\nTags: []';
    expect(exampleTemplate({ lang: 'yaml', code }, { resourceType: 'AWS::S3::Bucket' }).text).toBe(
      'Resources:\n  Example:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled  # kept\n      Tags: []\n',
    );
    expect(() => exampleTemplate({ lang: 'yaml', code })).toThrow(
      'The example is a fragment of resource properties (VersioningConfiguration, Tags): pass `resourceType` to say which resource it belongs to',
    );
    expect(() => exampleTemplate({ lang: 'yaml', code: `${VERSIONED}\nTags: []` }, { resourceType: 'AWS::S3::Bucket' })).toThrow(
      'The example mixes resources with keys that are neither a resource nor a template section (Tags)',
    );
  });

  it('adds the resources an example refers to, and a placeholder to a template without any', () => {
    expect(exampleTemplate({ lang: 'yaml', code: VERSIONED }, { resources: { Key: { Type: 'AWS::KMS::Key' } } }).text).toBe(
      'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: {Status: Enabled}\n  Key: {"Type":"AWS::KMS::Key"}\n',
    );
    expect(exampleTemplate({ lang: 'yaml', code: 'Parameters:\n  Name: {Type: String}' }).text).toBe(
      'Parameters:\n  Name: {Type: String}\nResources:\n  Placeholder:\n    Type: AWS::CloudFormation::WaitConditionHandle\n',
    );
  });

  it('leaves a whole template as written', () => {
    const code = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${VERSIONED.split('\n').join('\n  ')}`;
    expect(exampleTemplate({ lang: 'yaml', code }).text).toBe(`${code}\n`);
  });

  it('reads JSON examples the same way', () => {
    const made = exampleTemplate({ lang: 'json', code: '{ "Bucket": { "Type": "AWS::S3::Bucket" }, "Outputs": {} }' });
    expect(made.filename).toBe('template.json');
    expect(JSON.parse(made.text)).toEqual({ Outputs: {}, Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } });
    expect(JSON.parse(exampleTemplate({ lang: 'json', code: '{ "Tags": [] }' }, { resourceType: 'AWS::S3::Bucket' }).text)).toEqual({
      Resources: { Example: { Type: 'AWS::S3::Bucket', Properties: { Tags: [] } } },
    });
  });
});

describe('RuleTester.runDocsExamples', () => {
  it('passes a clean fix and a reported risk example', async () => {
    const rule = bucketRule({ risk: fence('yaml', UNVERSIONED), fix: fence('yaml', VERSIONED) });
    expect(await outcomes(rule)).toEqual({ 'the fix example #1 is clean': 'ok', 'the risk example #1 is reported': 'ok' });
  });

  it('fails a fix example the rule reports, showing the template scanned', async () => {
    const result = await outcomes(bucketRule({ risk: 'r', fix: fence('yaml', UNVERSIONED) }));
    expect(result['the fix example #1 is clean']).toBe(
      'The fix example of test-bucket-versioning is reported:\n  2:3 off: Bucket Bucket keeps no old versions.\nas scanned:\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n',
    );
  });

  it('fails a risk example the rule does not report', async () => {
    const result = await outcomes(bucketRule({ risk: fence('yaml', VERSIONED), fix: 'f' }));
    expect(result['the risk example #1 is reported']).toMatch(/^The risk example of test-bucket-versioning shows the mistake but is not reported\./);
  });

  it('fails a fix example that holds nothing the rule checks, unless told so, and then fails once it does', async () => {
    const queue = 'Queue:\n  Type: AWS::SQS::Queue';
    const ruleOn = (code: string) => bucketRule({ risk: 'r', fix: fence('yaml', code) });
    // Resource rules see every resource; a rule of another kind sees none in a template of queues.
    const trailRule = { ...ruleOn(queue), entity: 'Trail' } as AnyRule;
    expect((await outcomes(trailRule))['the fix example #1 is clean']).toMatch(
      /^The fix example of test-bucket-versioning holds no Trail entity, so it proves nothing about the rule; complete it, or pass `reaches: false`\./,
    );
    expect((await outcomes(trailRule, { reaches: false }))['the fix example #1 is clean']).toBe('ok');
    expect((await outcomes(ruleOn(VERSIONED), { reaches: false }))['the fix example #1 is clean']).toBe(
      'The fix example of test-bucket-versioning now holds a Resource entity the rule checks: drop `reaches: false`.',
    );
  });

  it('fails a fragment it cannot place, and a rule without examples', async () => {
    expect((await outcomes(bucketRule({ risk: 'r', fix: fence('yaml', 'Tags: []') })))['the fix example #1 is clean']).toBe(
      'The fix example of test-bucket-versioning cannot be made into a template: The example is a fragment of resource properties (Tags): pass `resourceType` to say which resource it belongs to.',
    );
    expect(await outcomes(bucketRule({ risk: 'r', fix: 'Turn it on in the console.' }))).toEqual({
      'has an example': 'The docs of test-bucket-versioning hold no ```yaml or ```json example in `fix` or `risk`.',
    });
  });
});
