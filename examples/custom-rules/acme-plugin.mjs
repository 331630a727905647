// A plugin: an ES module exporting `rules`, each shaped like the built-in ones (`defineRule` from
// @mamori/core only adds types). Load it with `--plugin ./acme-plugin.mjs` or `plugins:` in the config.

/** @type {import('@mamori/core').Rule<'Resource', 'missing'>} */
const ownerTag = {
  id: 'ACME001',
  name: 'acme-owner-tag',
  title: 'Buckets and tables name their owning team',
  description: 'Every S3 bucket and DynamoDB table carries an Owner tag so costs and incidents reach the right team.',
  severity: 'warning',
  area: 'cost',
  tags: ['acme', 'tagging'],
  compliance: {},
  covers: {},
  // `fix` and `risk` are Markdown; their YAML examples are checked by `runDocsExamples` (acme-plugin.test.mjs).
  docs: {
    risk: 'Untagged resources cannot be charged back or routed to an owner when something goes wrong:\n\n```yaml\nUploads:\n  Type: AWS::S3::Bucket\n```\n',
    fix: 'Add an `Owner` tag naming the team:\n\n```yaml\nUploads:\n  Type: AWS::S3::Bucket\n  Properties:\n    Tags:\n      - { Key: Owner, Value: media }\n```\n',
  },
  messages: { missing: '{{type}} {{name}} has no Owner tag.' },
  // `Resource` entities are every template resource as plain data; typed entities (SecurityGroup,
  // DbInstance, Trail, ...) serve templates and account snapshots alike.
  entity: 'Resource',
  check(resource, context) {
    if (resource.resourceType !== 'AWS::S3::Bucket' && resource.resourceType !== 'AWS::DynamoDB::Table') return;
    const tags = Array.isArray(resource.properties.Tags) ? resource.properties.Tags : [];
    if (!tags.some((t) => t?.Key === 'Owner')) {
      context.report({ messageId: 'missing', data: { name: resource.displayName, type: resource.resourceType } });
    }
  },
};

export const rules = [ownerTag];
