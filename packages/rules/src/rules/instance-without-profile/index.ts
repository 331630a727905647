import { defineRule } from '@mamori/core';
import { fieldViaText, viaText } from '../../lib/text.js';

const RESOURCE_NAMES = { Instance: 'EC2 instance', LaunchTemplate: 'launch template', LaunchConfiguration: 'launch configuration' } as const;

export default defineRule({
  id: 'MAM401',
  name: 'instance-without-profile',
  title: 'EC2 instance has no IAM instance profile',
  description:
    'An EC2 instance, launch template or launch configuration gives its instances no IAM role (no instance profile, or one with no role), so software on them needs long-term access keys to call AWS.',
  severity: 'warning',
  securitySeverity: 4.0,
  area: 'compute',
  tags: ['compute', 'ec2', 'iam', 'credentials'],
  compliance: {},
  covers: { prowler: ['ec2_instance_profile_attached'] },
  docs: {
    risk: `An instance without an instance profile has no role credentials. Anything on it that calls AWS (the
CLI, an SDK, the CloudWatch or SSM agent) then needs an access key written to disk, into user data
or into the AMI: keys that never rotate, are copied with every image and leak with every snapshot.
It also cannot be managed by Systems Manager, which needs a role.

An instance profile of the same template with an empty \`Roles\` list gives no credentials either, and
is reported at the reference to it. An instance that takes its profile from a launch template in the
same template is judged by that launch template's profile; one that uses a launch template defined
elsewhere, or a profile defined elsewhere, is not judged.

In an account, every instance \`DescribeInstances\` lists without an \`IamInstanceProfile\` is reported,
running or stopped (a stopped instance starts again with the same lack of credentials, and often
with a key on its disk); terminated and shutting-down instances are not. Whether an associated
profile holds a role is not read from accounts.`,
    fix: `Give the instance a role with only the permissions it needs, through an instance profile:

\`\`\`yaml
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement:
        - Effect: Allow
          Principal: { Service: ec2.amazonaws.com }
          Action: sts:AssumeRole
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
AppInstanceProfile:
  Type: AWS::IAM::InstanceProfile
  Properties:
    Roles: [!Ref AppRole]
AppInstance:
  Type: AWS::EC2::Instance
  Properties:
    IamInstanceProfile: !Ref AppInstanceProfile
\`\`\`

For a running instance: EC2 → Instances → Actions → Security → Modify IAM role, or
\`aws ec2 associate-iam-instance-profile --instance-id i-... --iam-instance-profile Name=AppInstanceProfile\`.
Then delete any access key the instance used.`,
  },
  messages: {
    instance: 'EC2 instance {{name}} has no IAM instance profile{{via}}.',
    launchTemplate: 'Launch template {{name}} gives its instances no IAM instance profile{{via}}.',
    launchConfiguration: 'Launch configuration {{name}} gives its instances no IAM instance profile{{via}}.',
    profileWithoutRole: 'Instance profile {{profile}}, used by {{resource}} {{name}}, holds no role, so its instances get no role credentials{{via}}.',
  },
  translations: {
    ja: {
      title: 'IAM インスタンスプロファイルのない EC2 インスタンス',
      description:
        'EC2 インスタンス、起動テンプレート、または起動設定がインスタンスに IAM ロールを与えていない (インスタンスプロファイルがない、またはロールのないプロファイル) ため、そこで動くソフトウェアが AWS を呼び出すには長期的なアクセスキーが必要です。',
      docs: {
        risk: `インスタンスプロファイルのないインスタンスには、ロールの認証情報がありません。そこで AWS を呼び出すもの (CLI、SDK、CloudWatch エージェントや SSM エージェント) は、ディスク、ユーザーデータ、AMI に書かれたアクセスキーを必要とします。ローテーションされず、イメージのたびにコピーされ、スナップショットのたびに漏えいするキーです。ロールを必要とする Systems Manager でも管理できません。

同じテンプレートのインスタンスプロファイルで \`Roles\` リストが空のものも認証情報を与えず、それを参照している箇所で報告します。同じテンプレートの起動テンプレートからプロファイルを得るインスタンスは、その起動テンプレートのプロファイルで判定します。他の場所で定義された起動テンプレートやプロファイルを使うインスタンスは判定しません。

アカウントでは、\`DescribeInstances\` が \`IamInstanceProfile\` なしで一覧するすべてのインスタンスを、実行中か停止中かを問わず報告します (停止中のインスタンスは同じく認証情報がないまま再び起動し、ディスクにキーがあることも多いためです)。終了済みと終了処理中のインスタンスは報告しません。関連付けられたプロファイルがロールを持つかどうかは、アカウントからは読み取りません。`,
        fix: `必要な権限だけを持つロールを、インスタンスプロファイルを通じてインスタンスに与えます:

\`\`\`yaml
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement:
        - Effect: Allow
          Principal: { Service: ec2.amazonaws.com }
          Action: sts:AssumeRole
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
AppInstanceProfile:
  Type: AWS::IAM::InstanceProfile
  Properties:
    Roles: [!Ref AppRole]
AppInstance:
  Type: AWS::EC2::Instance
  Properties:
    IamInstanceProfile: !Ref AppInstanceProfile
\`\`\`

実行中のインスタンスでは: EC2 → インスタンス → アクション → セキュリティ → IAM ロールを変更、または \`aws ec2 associate-iam-instance-profile --instance-id i-... --iam-instance-profile Name=AppInstanceProfile\`。そのあと、インスタンスが使っていたアクセスキーを削除します。`,
      },
      messages: {
        instance: 'EC2 インスタンス {{name}} に IAM インスタンスプロファイルがありません{{via}}。',
        launchTemplate: '起動テンプレート {{name}} は、インスタンスに IAM インスタンスプロファイルを与えていません{{via}}。',
        launchConfiguration: '起動設定 {{name}} は、インスタンスに IAM インスタンスプロファイルを与えていません{{via}}。',
        profileWithoutRole:
          '{{resource}} {{name}} が使うインスタンスプロファイル {{profile}} はロールを持たないため、インスタンスにロールの認証情報が渡りません{{via}}。',
      },
    },
  },
  entity: 'Instance',
  check(instance, context) {
    if (instance.hasInstanceProfile === true && instance.emptyInstanceProfile) {
      context.report({
        messageId: 'profileWithoutRole',
        data: {
          resource: RESOURCE_NAMES[instance.resourceType],
          name: instance.displayName,
          profile: instance.emptyInstanceProfile,
          via: fieldViaText(instance, 'emptyInstanceProfile'),
        },
        location: instance.fieldLocations?.emptyInstanceProfile ?? instance.location,
      });
      return;
    }
    if (instance.hasInstanceProfile !== false) return;
    const messageId = instance.resourceType === 'Instance' ? 'instance' : instance.resourceType === 'LaunchTemplate' ? 'launchTemplate' : 'launchConfiguration';
    context.report({ messageId, data: { name: instance.displayName, via: viaText(instance.via) } });
  },
});
