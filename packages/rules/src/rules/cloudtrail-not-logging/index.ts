import { defineRule } from '@mamori/core';
import { fieldViaText } from '../../lib/text.js';

export default defineRule({
  id: 'MAM503',
  name: 'cloudtrail-not-logging',
  title: 'CloudTrail trail is stopped',
  description: 'A CloudTrail trail exists but is not logging, so it records nothing while looking like audit coverage.',
  severity: 'error',
  securitySeverity: 6.5,
  area: 'logging',
  tags: ['logging', 'cloudtrail', 'audit'],
  compliance: { fsbp: ['CloudTrail.1'], cis: ['3.1'] },
  covers: { prowler: ['cloudtrail_multi_region_enabled'] },
  docs: {
    risk: `A stopped trail is worse than none: dashboards and reviews see a trail and assume activity is being
recorded. Stopping logging is also one of the first things an intruder does (\`StopLogging\`), so a
trail found stopped in an account deserves a look at who stopped it and when.`,
    fix: `Start the trail, and keep \`IsLogging: true\` in the template so a deployment cannot stop it:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
\`\`\`

In the console: CloudTrail → Trails → the trail → "Start logging". With the CLI:
\`aws cloudtrail start-logging --name my-trail\`. Then search CloudTrail event history for
\`StopLogging\` to find who stopped it.`,
  },
  messages: {
    stopped: 'Trail {{trail}} is not logging{{via}}.',
  },
  translations: {
    ja: {
      title: 'CloudTrail の証跡が停止している',
      messages: {
        stopped: '証跡 {{trail}} はログを記録していません{{via}}。',
      },
    },
  },
  entity: 'Trail',
  reads: ['isLogging'],
  check(trail, context) {
    if (trail.isLogging !== false) return;
    context.report({
      messageId: 'stopped',
      data: { trail: trail.displayName, via: fieldViaText(trail, 'isLogging') },
      location: trail.fieldLocations?.isLogging ?? trail.location,
    });
  },
});
