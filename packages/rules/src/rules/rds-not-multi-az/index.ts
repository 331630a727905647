import { defineRule, isClusterMember } from '@mamori/core';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM601',
  name: 'rds-not-multi-az',
  title: 'RDS DB instance runs in a single Availability Zone',
  description:
    'An RDS DB instance is not a Multi-AZ deployment, so it has no standby to fail over to. Aurora and Multi-AZ DB cluster members are left to the cluster, and SQL Server Express, which cannot be Multi-AZ, is not reported.',
  severity: 'warning',
  securitySeverity: 4.0,
  area: 'resilience',
  tags: ['resilience', 'rds', 'availability'],
  compliance: { fsbp: ['RDS.5'] },
  covers: { checkov: ['CKV_AWS_157'], prowler: ['rds_instance_multi_az'] },
  docs: {
    risk: `A single-AZ DB instance lives on one host in one Availability Zone. When that host fails, when
the zone has an outage, and during maintenance such as operating system patches or instance class
changes, the database is unavailable until RDS recovers the instance or you restore it from a
backup, which can take from minutes to hours and can lose the most recent writes.

A Multi-AZ deployment keeps a synchronous standby in another zone and fails over to it
automatically, usually in one or two minutes, without data loss. CloudFormation creates single-AZ
instances unless \`MultiAZ\` is \`true\`.

Aurora instances and members of a Multi-AZ DB cluster get their availability from the cluster and
are not reported. SQL Server Express edition does not support Multi-AZ.`,
    fix: `Set \`MultiAZ: true\` (for a template shared by several environments, on the production branch
of a condition). The change is applied without downtime, though performance can dip while the
standby is created.

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    MultiAZ: true
\`\`\`

In the console: RDS → Databases → the instance → Modify → Availability and durability → Create a
standby instance. With the CLI:
\`aws rds modify-db-instance --db-instance-identifier mydb --multi-az --apply-immediately\`.`,
  },
  messages: {
    singleAz: 'DB instance {{db}} is not Multi-AZ{{via}}: if its Availability Zone or host fails, the database is down until it is recovered.',
    defaultSingleAz:
      'DB instance {{db}} does not set MultiAZ, so it runs in a single Availability Zone{{via}}: if that zone or its host fails, the database is down until it is recovered.',
  },
  entity: 'DbInstance',
  reads: ['multiAz', 'clusterId', 'engine'],
  check(db, context) {
    if (db.multiAz !== false || isClusterMember(db)) return;
    // SQL Server Express has no Multi-AZ option.
    if (db.engine?.toLowerCase() === 'sqlserver-ex') return;
    const source = db.settingSources?.multiAz;
    context.report({
      messageId: source?.defaulted ? 'defaultSingleAz' : 'singleAz',
      data: { db: db.displayName, via: viaText(source?.via) },
      location: settingLocation(db, source),
    });
  },
});
