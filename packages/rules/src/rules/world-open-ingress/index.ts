import { defineRule, isWorldCidr, type LocalizedText, portRange, type SecurityGroupRule, type TemplateFix } from '@mamori/core';
import { moreText, viaText } from '../../lib/text.js';
import { propertyPathOf } from '../../support/fixes.js';

interface SensitivePort {
  port: number;
  service: string;
  protocols: readonly string[];
}

/** Remote administration, then database, cache and search ports: never meant for the whole internet. */
export const SENSITIVE_PORTS: readonly SensitivePort[] = [
  { port: 22, service: 'SSH', protocols: ['tcp'] },
  { port: 3389, service: 'RDP', protocols: ['tcp', 'udp'] },
  { port: 3306, service: 'MySQL', protocols: ['tcp'] },
  { port: 5432, service: 'PostgreSQL', protocols: ['tcp'] },
  { port: 1433, service: 'SQL Server', protocols: ['tcp'] },
  { port: 1521, service: 'Oracle', protocols: ['tcp'] },
  { port: 27017, service: 'MongoDB', protocols: ['tcp'] },
  { port: 6379, service: 'Redis', protocols: ['tcp'] },
  { port: 11211, service: 'Memcached', protocols: ['tcp', 'udp'] },
  { port: 9200, service: 'Elasticsearch', protocols: ['tcp'] },
  { port: 5439, service: 'Redshift', protocols: ['tcp'] },
];

const MAX_LISTED = 4;

interface PortOptions {
  extraPorts: readonly number[];
  ignoredPorts: readonly number[];
}

// The same options object comes with every group of a scan: tens of thousands in a large account.
const portsByOptions = new WeakMap<PortOptions, readonly SensitivePort[]>();

function sensitivePorts(options: PortOptions): readonly SensitivePort[] {
  const known = portsByOptions.get(options);
  if (known) return known;
  const ignored = new Set(options.ignoredPorts);
  const ports = [
    ...SENSITIVE_PORTS.filter((p) => !ignored.has(p.port)),
    ...options.extraPorts.filter((port) => !SENSITIVE_PORTS.some((p) => p.port === port)).map((port) => ({ port, service: '', protocols: ['tcp'] })),
  ];
  portsByOptions.set(options, ports);
  return ports;
}

function describe(ports: readonly SensitivePort[], protocol: string): LocalizedText {
  return (lang) => {
    const port = lang === 'ja' ? 'ポート' : 'port';
    const names = ports.map((p) => (p.service ? `${p.service} (${p.port}/${protocol})` : `${port} ${p.port}/${protocol}`));
    return moreText(names, MAX_LISTED)(lang);
  };
}

const ADMIN_CIDR = {
  v4: {
    name: 'AdminCidr',
    definition: {
      Type: 'String',
      Description:
        'IPv4 range (CIDR) allowed to reach the administration and database ports, such as your office or VPN; no default, so that each deployment chooses it',
      AllowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])$',
      ConstraintDescription: 'an IPv4 CIDR block such as 203.0.113.0/24',
    },
  },
  v6: {
    name: 'AdminCidrIpv6',
    definition: {
      Type: 'String',
      Description:
        'IPv6 range (CIDR) allowed to reach the administration and database ports, such as your office or VPN; no default, so that each deployment chooses it',
      AllowedPattern: '^[0-9A-Fa-f:.]+/\\d{1,3}$',
      ConstraintDescription: 'an IPv6 CIDR block such as 2001:db8::/48',
    },
  },
} as const;

/**
 * The world-open source replaced by a new parameter without a default (`AdminCidr`), so that each
 * deployment names the range it trusts: only for a rule whose ports are all administration or
 * database ones (all traffic, or a range with other ports, may serve the public, and is the
 * author's to narrow). A range that comes from a parameter's default is fixed there: the default
 * goes, and the parameter must be given. Through a mapping or `Fn::If`, the
 * edit is refused when the file is read, with the reason.
 */
function adminCidrFix(rule: SecurityGroupRule, ipv6: boolean, onlyAdmin: boolean): TemplateFix | undefined {
  const path = propertyPathOf(rule.location);
  if (!path) return undefined;
  const fromDefault = rule.via?.length === 1 ? /^default of parameter (\S+)$/.exec(rule.via[0] as string)?.[1] : undefined;
  if (fromDefault) {
    return {
      description: {
        en: `Remove the default of parameter ${fromDefault}, so that each deployment gives the range it trusts.`,
        ja: `パラメータ ${fromDefault} のデフォルト値を削除し、デプロイごとに信頼する範囲を指定させます。`,
      },
      edits: [{ op: 'delete', path: ['Parameters', fromDefault, 'Default'] }],
    };
  }
  if (!onlyAdmin) return undefined;
  const { name, definition } = ipv6 ? ADMIN_CIDR.v6 : ADMIN_CIDR.v4;
  return {
    description: {
      en: `Replace the world-open range with a new parameter ${name} that has no default, so that each deployment gives the range it trusts.`,
      ja: `インターネット全体に開いた範囲を、デフォルト値のない新しいパラメータ ${name} に置き換え、デプロイごとに信頼する範囲を指定させます。`,
    },
    edits: [
      { op: 'add', path: ['Parameters', name], value: definition },
      { op: 'set', path, value: { Ref: name } },
    ],
  };
}

export default defineRule({
  id: 'MAM101',
  name: 'world-open-ingress',
  title: 'Security group admits the whole internet to an administration or database port',
  description:
    'A security group ingress rule allows the whole internet (0.0.0.0/0, ::/0, or a range as wide as half of it, such as 0.0.0.0/1) to reach SSH, RDP, a database, cache or search port, all ports, or all traffic.',
  severity: 'error',
  securitySeverity: 8.6,
  area: 'network',
  tags: ['network', 'security-group', 'ec2', 'exposure'],
  compliance: { fsbp: ['EC2.13', 'EC2.14', 'EC2.19', 'EC2.53', 'EC2.54'], cis: ['5.2', '5.3'] },
  covers: {
    checkov: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_277'],
    cfnNag: ['W2', 'W27'],
    prowler: [
      'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22',
      'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389',
      'ec2_securitygroup_allow_ingress_from_internet_to_all_ports',
    ],
  },
  fixable: true,
  docs: {
    risk: `Ports for remote administration (SSH 22, RDP 3389) and for databases, caches and search engines
(3306, 5432, 1433, 1521, 27017, 6379, 11211, 9200, 5439) are scanned from the whole internet within
minutes of being opened. Brute-force logins, unpatched server bugs and unauthenticated caches
(Redis, Memcached, Elasticsearch) are among the most common ways into an AWS account and the
most common sources of data leaks. A rule that opens all ports or all traffic exposes these too.

The world is \`0.0.0.0/0\` and \`::/0\` however they are spelt (\`::0/0\`, \`0:0:0:0:0:0:0:0/0\`), and any
range admitting at least half of the addresses the internet can send from: an IPv4 prefix of /1 or
shorter (\`0.0.0.0/1\` and \`128.0.0.0/1\`, each reported, so a pair of them that opens a port to
everyone is seen either way), an IPv6 prefix of /1 or shorter (\`::/1\`, \`8000::/1\`), a range holding
half or more of the IPv6 global unicast space \`2000::/3\` from which public addresses are assigned
(\`::/2\`, \`2000::/3\`, \`2000::/4\`, \`3000::/4\`), and an IPv4-mapped IPv6 range that maps such an
IPv4 range (\`::ffff:0.0.0.0/96\`). Narrower ranges are not: splitting the internet into quarters
(\`/2\`) in four rules is not recognised.

HTTP and HTTPS (80, 443) open to the world are normal for public load balancers and are not reported.
A rule that admits a single address or a private range (\`10.0.0.0/8\`, \`172.16.0.0/12\`,
\`192.168.0.0/16\`, \`fc00::/7\`) is not reported either. Nor is a rule whose
ports the template cannot tell (a parameter without a default, an empty or non-numeric value) or
whose range is inverted, unless it allows all traffic, where ports do not matter.`,
    fix: `Admit only the sources that need the port: the application's security group for a database, a
VPN or office range for administration, or no ingress at all with Session Manager for shell access.

\`\`\`yaml
AppDatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: PostgreSQL from the application only
    VpcId: !Ref VpcId
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 5432
        ToPort: 5432
        SourceSecurityGroupId: !Ref AppSecurityGroup
\`\`\`

In the console: EC2 → Security Groups → the group → Edit inbound rules → replace the source
\`0.0.0.0/0\` or \`::/0\` (or the wide range). With the CLI:
\`aws ec2 revoke-security-group-ingress --group-id sg-... --protocol tcp --port 22 --cidr 0.0.0.0/0\`.`,
  },
  messages: {
    allTraffic: 'Security group {{group}} allows all traffic from {{cidr}}{{via}}.',
    allPorts: 'Security group {{group}} allows every {{protocol}} port, including {{services}}, from {{cidr}}{{via}}.',
    sensitivePorts: 'Security group {{group}} allows {{services}} from {{cidr}}{{via}}.',
  },
  translations: {
    ja: {
      title: 'セキュリティグループがインターネット全体から管理用またはデータベースのポートへの接続を許可している',
      description:
        'セキュリティグループのインバウンドルールが、インターネット全体 (0.0.0.0/0、::/0、または 0.0.0.0/1 のようにその半分以上の広さの範囲) から、SSH、RDP、データベース、キャッシュ、検索エンジンのポート、すべてのポート、またはすべてのトラフィックへの到達を許可しています。',
      docs: {
        risk: `リモート管理用のポート (SSH 22、RDP 3389) と、データベース、キャッシュ、検索エンジンのポート (3306、5432、1433、1521、27017、6379、11211、9200、5439) は、開いてから数分のうちにインターネット全体からスキャンされます。ブルートフォースによるログイン、パッチ未適用のサーバーのバグ、認証のないキャッシュ (Redis、Memcached、Elasticsearch) は、AWS アカウントへの侵入経路として、またデータ漏えいの原因として最もよくあるものです。すべてのポートやすべてのトラフィックを開くルールも、これらを露出させます。

インターネット全体とは、どう書かれていても \`0.0.0.0/0\` と \`::/0\` (\`::0/0\`、\`0:0:0:0:0:0:0:0/0\`) であり、インターネットの送信元アドレスの半分以上を許可する範囲です: /1 以下の IPv4 プレフィックス (\`0.0.0.0/1\` と \`128.0.0.0/1\`。それぞれを報告するため、2 つ組み合わせて全員にポートを開いても、どちらからでも見つかります)、/1 以下の IPv6 プレフィックス (\`::/1\`、\`8000::/1\`)、パブリックアドレスが割り当てられる IPv6 のグローバルユニキャスト空間 \`2000::/3\` の半分以上を含む範囲 (\`::/2\`、\`2000::/3\`、\`2000::/4\`、\`3000::/4\`)、そのような IPv4 の範囲を対応付ける IPv4 射影 IPv6 の範囲 (\`::ffff:0.0.0.0/96\`) です。それより狭い範囲は含みません。インターネットを 4 分の 1 (\`/2\`) ずつ 4 つのルールに分けたものは認識しません。

インターネット全体に開いた HTTP と HTTPS (80、443) は、パブリックなロードバランサーでは普通のことであり、報告しません。単一のアドレスやプライベートの範囲 (\`10.0.0.0/8\`、\`172.16.0.0/12\`、\`192.168.0.0/16\`、\`fc00::/7\`) を許可するルールも報告しません。テンプレートからポートが分からないルール (デフォルト値のないパラメータ、空または数値でない値) や、範囲が逆転しているルールも、ポートが関係ないすべてのトラフィックを許可するものでない限り報告しません。`,
        fix: `そのポートを必要とする送信元だけを許可します: データベースならアプリケーションのセキュリティグループ、管理用なら VPN やオフィスのアドレス範囲、シェルアクセスなら Session Manager を使ってインバウンドをまったく許可しないことです。

\`\`\`yaml
AppDatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: PostgreSQL from the application only
    VpcId: !Ref VpcId
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 5432
        ToPort: 5432
        SourceSecurityGroupId: !Ref AppSecurityGroup
\`\`\`

コンソールでは: EC2 → セキュリティグループ → 対象のグループ → インバウンドのルールを編集 → ソースの \`0.0.0.0/0\` または \`::/0\` (または広い範囲) を置き換えます。CLI では: \`aws ec2 revoke-security-group-ingress --group-id sg-... --protocol tcp --port 22 --cidr 0.0.0.0/0\`。`,
      },
      options: {
        extraPorts: 'インターネット全体に開いてはならない追加の TCP ポート (社内の管理コンソール、メッセージブローカーなど)。',
        ignoredPorts: '報告しない組み込みのポート。そのポートで公開することを意図したサービスのためのものです。',
      },
      messages: {
        allTraffic: 'セキュリティグループ {{group}} は {{cidr}} からのすべてのトラフィックを許可しています{{via}}。',
        allPorts: 'セキュリティグループ {{group}} は {{cidr}} からのすべての {{protocol}} ポート ({{services}} を含む) を許可しています{{via}}。',
        sensitivePorts: 'セキュリティグループ {{group}} は {{cidr}} からの {{services}} を許可しています{{via}}。',
      },
    },
  },
  optionsSchema: {
    type: 'object',
    properties: {
      extraPorts: {
        type: 'array',
        items: { type: 'integer', minimum: 0, maximum: 65535 },
        description: 'More TCP ports that must not be open to the world (an internal admin console, a message broker).',
      },
      ignoredPorts: {
        type: 'array',
        items: { type: 'integer', minimum: 0, maximum: 65535 },
        description: 'Built-in ports not to report, for a service that is meant to be public on one of them.',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { extraPorts: [] as number[], ignoredPorts: [] as number[] },
  entity: 'SecurityGroup',
  reads: ['rules'],
  check(group, context) {
    const sensitive = sensitivePorts(context.options);
    for (const rule of group.rules) {
      if (rule.direction !== 'ingress') continue;
      const cidr = isWorldCidr(rule.cidrIpv4) ? rule.cidrIpv4 : isWorldCidr(rule.cidrIpv6) ? rule.cidrIpv6 : undefined;
      if (!cidr) continue;
      const base = { group: group.displayName, cidr: cidr.trim(), via: viaText(rule.via) };
      const fixable = (onlyAdmin: boolean) => (group.source === 'template' ? adminCidrFix(rule, cidr === rule.cidrIpv6, onlyAdmin) : undefined);
      const report = (d: Parameters<typeof context.report>[0], onlyAdmin = false): void => {
        const fix = fixable(onlyAdmin);
        context.report(fix ? { ...d, fix } : d);
      };
      if (rule.protocol === '-1') {
        report({ messageId: 'allTraffic', data: base, location: rule.location });
        continue;
      }
      const range = portRange(rule.protocol, rule.fromPort, rule.toPort, rule.portsKnown);
      if (!range) continue;
      const [lo, hi] = range;
      const hit = sensitive.filter((p) => p.protocols.includes(rule.protocol) && lo <= p.port && p.port <= hi).sort((a, b) => a.port - b.port);
      if (hit.length === 0) continue;
      const services = describe(hit, rule.protocol);
      if (lo === 0 && hi === 65535) {
        report({ messageId: 'allPorts', data: { ...base, protocol: rule.protocol.toUpperCase(), services }, location: rule.location });
      } else {
        // Only a range of nothing but such ports is closed to the world by the fix: a wider one may hold a public service.
        const onlyAdmin = hi - lo + 1 === new Set(hit.map((p) => p.port)).size;
        report({ messageId: 'sensitivePorts', data: { ...base, services }, location: rule.location }, onlyAdmin);
      }
    }
  },
});
