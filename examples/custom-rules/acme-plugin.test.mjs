// Tests of the plugin's rule with @mamori/rule-tester (`npm i -D @mamori/rule-tester vitest`), run by
// `npx vitest run`. With jest, mocha or node:test, set RuleTester.describe and RuleTester.it from them.
import { RuleTester } from '@mamori/rule-tester';
import { describe, it } from 'vitest';
import { rules } from './acme-plugin.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const [ownerTag] = rules;
const ruleTester = new RuleTester();

ruleTester.run(ownerTag, {
  valid: [
    'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      Tags: [{ Key: Owner, Value: payments }]\n',
    { name: 'other resource types need no owner', template: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n' },
  ],
  invalid: [
    {
      name: 'a bucket without tags',
      template: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n',
      // Where the finding points (the resource's logical id), and the values filled into the message.
      errors: [{ messageId: 'missing', line: 2, column: 3, data: { type: 'AWS::S3::Bucket', name: 'Uploads' } }],
    },
    {
      name: 'a table tagged without an owner, in JSON',
      filename: 'template.json',
      template:
        '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": { "Tags": [{ "Key": "Project", "Value": "shop" }] }\n    }\n  }\n}\n',
      errors: [{ messageId: 'missing', line: 3, column: 5, message: 'AWS::DynamoDB::Table Orders has no Owner tag.' }],
    },
  ],
});

// The YAML in the rule's docs: the fix must come out clean, the mistake (in `risk`) must be reported.
ruleTester.runDocsExamples(ownerTag);
