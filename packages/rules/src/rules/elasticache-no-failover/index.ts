import { defineRule } from '@mamori/core';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM606',
  name: 'elasticache-no-failover',
  title: 'ElastiCache replication group without automatic failover',
  description:
    'A Redis OSS or Valkey replication group does not have automatic failover, or a Redis OSS or Valkey cache cluster is a single node in no replication group: when its primary node fails, writes stop until the node is replaced by hand or by repair.',
  severity: 'warning',
  securitySeverity: 4.0,
  area: 'resilience',
  tags: ['resilience', 'elasticache', 'availability'],
  compliance: { fsbp: ['ElastiCache.3'] },
  covers: { prowler: ['elasticache_redis_cluster_automatic_failover_enabled'] },
  docs: {
    risk: `In a replication group without automatic failover nothing promotes a replica when the primary
node, its host or its Availability Zone fails: the group stops taking writes, and applications
that use it as a session store, a queue or a lock service stop with it, until the node is repaired
or someone promotes a replica by hand. With automatic failover (and Multi-AZ) ElastiCache detects
the failure and promotes a replica in another zone, usually within a minute or two.

CloudFormation leaves failover off unless \`AutomaticFailoverEnabled\` is \`true\` (cluster mode, which
requires it, is the exception). Failover needs at least one replica: a group of a single node has
nothing to fail over to.

A Redis OSS or Valkey cache cluster outside any replication group (\`AWS::ElastiCache::CacheCluster\`,
or in an account a cluster \`DescribeCacheClusters\` lists with no \`ReplicationGroupId\`) is a single
node with no failover at all, and is reported the same way. Memcached clusters neither replicate
nor fail over: they are out of scope (a cache that can lose its contents is what Memcached is for).
Serverless caches replicate across zones by themselves and are not read.`,
    fix: `Run at least one replica and turn on automatic failover and Multi-AZ.

\`\`\`yaml
Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: Sessions
    Engine: valkey
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
    AutomaticFailoverEnabled: true
    MultiAZEnabled: true
\`\`\`

In the console: ElastiCache → the cache → Modify → enable Auto-failover and Multi-AZ (add a replica
first if there is none). A standalone cluster is made the primary of a new replication group
(\`PrimaryClusterId\`, or \`aws elasticache create-replication-group --primary-cluster-id ...\`), which
then takes replicas. With the CLI:
\`aws elasticache modify-replication-group --replication-group-id sessions --automatic-failover-enabled --multi-az-enabled --apply-immediately\`.`,
  },
  messages: {
    disabled: 'Replication group {{group}} has automatic failover turned off{{via}}: if its primary node fails, writes stop until it is replaced.',
    defaultDisabled:
      'Replication group {{group}} does not set AutomaticFailoverEnabled, so automatic failover is off{{via}}: if its primary node fails, writes stop until it is replaced.',
    standalone:
      'Cache cluster {{group}} is a single {{engine}} node in no replication group, so it has no automatic failover: if the node fails, the cache is down until it is replaced.',
  },
  translations: {
    ja: {
      title: '自動フェイルオーバーのない ElastiCache レプリケーショングループ',
      description:
        'Redis OSS または Valkey のレプリケーショングループで自動フェイルオーバーが有効でないか、Redis OSS または Valkey のキャッシュクラスターがレプリケーショングループに属さない単一ノードです。プライマリノードに障害が起きると、手動または修復でノードが置き換えられるまで書き込みが止まります。',
      docs: {
        risk: `自動フェイルオーバーのないレプリケーショングループでは、プライマリノード、そのホスト、またはそのアベイラビリティーゾーンに障害が起きても、レプリカを昇格させるものがありません。グループは書き込みを受け付けなくなり、セッションストア、キュー、ロックサービスとして使っているアプリケーションも一緒に止まります。ノードが修復されるか、誰かが手動でレプリカを昇格させるまで続きます。自動フェイルオーバー (とマルチ AZ) があれば、ElastiCache が障害を検出して別のゾーンのレプリカを昇格させ、通常は 1～2 分以内に復旧します。

CloudFormation は \`AutomaticFailoverEnabled\` が \`true\` でない限りフェイルオーバーをオフのままにします (それを必須とするクラスターモードは例外です)。フェイルオーバーには少なくとも 1 つのレプリカが必要で、単一ノードのグループにはフェイルオーバー先がありません。

どのレプリケーショングループにも属さない Redis OSS または Valkey のキャッシュクラスター (\`AWS::ElastiCache::CacheCluster\`、またはアカウントで \`DescribeCacheClusters\` が \`ReplicationGroupId\` なしで一覧するクラスター) はフェイルオーバーがまったくない単一ノードであり、同じように報告します。Memcached のクラスターはレプリケーションもフェイルオーバーもしないため対象外です (内容を失ってもよいキャッシュこそが Memcached の用途です)。サーバーレスキャッシュは自らゾーン間でレプリケーションするため、読み取りません。`,
        fix: `少なくとも 1 つのレプリカを動かし、自動フェイルオーバーとマルチ AZ をオンにします。

\`\`\`yaml
Cache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: Sessions
    Engine: valkey
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
    AutomaticFailoverEnabled: true
    MultiAZEnabled: true
\`\`\`

コンソールでは: ElastiCache → 対象のキャッシュ → 変更 → 自動フェイルオーバーとマルチ AZ を有効化します (レプリカがなければ先に追加します)。単独のクラスターは新しいレプリケーショングループのプライマリにし (\`PrimaryClusterId\`、または \`aws elasticache create-replication-group --primary-cluster-id ...\`)、そこにレプリカを追加します。CLI では: \`aws elasticache modify-replication-group --replication-group-id sessions --automatic-failover-enabled --multi-az-enabled --apply-immediately\`。`,
      },
      messages: {
        disabled:
          'レプリケーショングループ {{group}} は自動フェイルオーバーが無効です{{via}}。プライマリノードに障害が起きると、置き換わるまで書き込みが止まります。',
        defaultDisabled:
          'レプリケーショングループ {{group}} は AutomaticFailoverEnabled を設定していないため、自動フェイルオーバーが無効です{{via}}。プライマリノードに障害が起きると、置き換わるまで書き込みが止まります。',
        standalone:
          'キャッシュクラスター {{group}} はレプリケーショングループに属さない単一の {{engine}} ノードで、自動フェイルオーバーがありません。ノードに障害が起きると、置き換わるまでキャッシュが使えません。',
      },
    },
  },
  entity: 'CacheReplicationGroup',
  reads: ['automaticFailover', 'engine', 'resourceType'],
  check(group, context) {
    const engine = group.engine?.toLowerCase() ?? 'redis';
    if (group.automaticFailover !== false || (engine !== 'redis' && engine !== 'valkey')) return;
    if (group.resourceType === 'CacheCluster') {
      context.report({ messageId: 'standalone', data: { group: group.displayName, engine: engine === 'valkey' ? 'Valkey' : 'Redis OSS' } });
      return;
    }
    const source = group.settingSources?.automaticFailover;
    context.report({
      messageId: source?.defaulted ? 'defaultDisabled' : 'disabled',
      data: { group: group.displayName, via: viaText(source?.via) },
      location: settingLocation(group, source),
    });
  },
});
