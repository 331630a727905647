import { defineRule } from '@mamori/core';

export default defineRule({
  id: 'MAM706',
  name: 'no-billing-guardrail',
  title: 'Account has no budget or billing alarm',
  description:
    'The account has neither a cost budget nor a CloudWatch alarm on its estimated charges, so nothing warns anyone when spending grows past what was expected.',
  severity: 'warning',
  area: 'cost',
  tags: ['cost', 'budgets', 'cloudwatch', 'billing', 'account'],
  compliance: {},
  covers: {},
  docs: {
    risk: `Without a threshold, a bill is read once a month, after the money is spent: a forgotten test
cluster, a runaway loop writing to S3, a NAT gateway carrying traffic it should not, or leaked keys
mining on the biggest instances run up charges for weeks before anyone looks. A budget or a billing
alarm turns that into a message on the day it starts.

The account counts as watched when it has at least one AWS Budgets budget of type \`COST\`, or a
CloudWatch alarm on the \`AWS/Billing\` \`EstimatedCharges\` metric (directly, or in metric math). Billing
metrics exist only in us-east-1, so mamori reads the alarms there whatever regions it collects;
they need "Receive Billing Alerts" turned on in the billing preferences. Usage, reservation and
Savings Plans budgets do not count: they do not watch what is spent.

This is an account check: a template cannot show that an account has no budget (one may be made in
the console or by another stack), so an \`AWS::Budgets::Budget\` in a template neither raises nor
clears it. When the budgets could not be read and no billing alarm was seen (or the other way
round), the rule is reported as not evaluated rather than passed.`,
    fix: `Create a monthly cost budget with an alert, in a stack of its own or in the console:

\`\`\`yaml
MonthlyCostBudget:
  Type: AWS::Budgets::Budget
  Properties:
    Budget:
      BudgetName: monthly-cost
      BudgetType: COST
      TimeUnit: MONTHLY
      BudgetLimit: { Amount: 200, Unit: USD }
    NotificationsWithSubscribers:
      - Notification: { NotificationType: FORECASTED, ComparisonOperator: GREATER_THAN, Threshold: 100 }
        Subscribers: [{ SubscriptionType: EMAIL, Address: finops@example.com }]
\`\`\`

In the console: Billing and Cost Management → Budgets → Create budget (the monthly cost budget
template). With the CLI: \`aws budgets create-budget --account-id 123456789012 --budget file://budget.json
--notifications-with-subscribers file://notifications.json\`. Or alarm on the estimated charges in
us-east-1: \`aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name charges-over-200
--namespace AWS/Billing --metric-name EstimatedCharges --dimensions Name=Currency,Value=USD
--statistic Maximum --period 21600 --evaluation-periods 1 --threshold 200
--comparison-operator GreaterThanThreshold --alarm-actions arn:aws:sns:us-east-1:123456789012:billing\`.`,
  },
  messages: {
    none: 'Account {{account}} has no cost budget and no alarm on its estimated charges: nothing warns when spending grows.',
  },
  translations: {
    ja: {
      title: 'アカウントに予算も請求アラームもない',
      description: 'アカウントにコスト予算も、請求額の見積もりに対する CloudWatch アラームもないため、支出が想定を超えて増えても誰にも警告されません。',
      docs: {
        risk: `しきい値がなければ、請求書を読むのは月に 1 回、お金を使ってしまった後です。忘れられたテスト用クラスター、S3 に書き込み続ける暴走したループ、運ぶべきでないトラフィックを運ぶ NAT ゲートウェイ、漏えいしたアクセスキーで最大のインスタンスを使ったマイニングは、誰かが気付くまで何週間も料金を積み上げます。予算や請求アラームがあれば、それが始まった日に通知が届きます。

アカウントは、型が \`COST\` の AWS Budgets の予算が 1 つ以上あるか、\`AWS/Billing\` の \`EstimatedCharges\` メトリクスに対する CloudWatch アラーム (直接、またはメトリクス数式の中で) があれば、監視されているとみなします。請求メトリクスは us-east-1 にしかないため、mamori は収集するリージョンにかかわらずそこでアラームを読み取ります。請求設定で「請求アラートを受け取る」をオンにする必要があります。使用量、予約、Savings Plans の予算は、支出を監視しないため数えません。

これはアカウントのチェックです。テンプレートからはアカウントに予算がないことは分かりません (コンソールや別のスタックで作られているかもしれません)。そのため、テンプレートの \`AWS::Budgets::Budget\` はこの検出結果を出すことも消すこともしません。予算を読み取れず請求アラームも見つからなかった場合 (またはその逆) は、合格ではなく評価できなかったと報告します。`,
        fix: `アラート付きの月次のコスト予算を、専用のスタックかコンソールで作成します:

\`\`\`yaml
MonthlyCostBudget:
  Type: AWS::Budgets::Budget
  Properties:
    Budget:
      BudgetName: monthly-cost
      BudgetType: COST
      TimeUnit: MONTHLY
      BudgetLimit: { Amount: 200, Unit: USD }
    NotificationsWithSubscribers:
      - Notification: { NotificationType: FORECASTED, ComparisonOperator: GREATER_THAN, Threshold: 100 }
        Subscribers: [{ SubscriptionType: EMAIL, Address: finops@example.com }]
\`\`\`

コンソールでは: 請求とコスト管理 → 予算 → 予算を作成 (月次コスト予算のテンプレート)。CLI では: \`aws budgets create-budget --account-id 123456789012 --budget file://budget.json
--notifications-with-subscribers file://notifications.json\`。または us-east-1 で請求額の見積もりにアラームを設定します: \`aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name charges-over-200
--namespace AWS/Billing --metric-name EstimatedCharges --dimensions Name=Currency,Value=USD
--statistic Maximum --period 21600 --evaluation-periods 1 --threshold 200
--comparison-operator GreaterThanThreshold --alarm-actions arn:aws:sns:us-east-1:123456789012:billing\`。`,
      },
      messages: {
        none: 'アカウント {{account}} にはコスト予算も請求額の見積もりに対するアラームもありません。支出が増えても何も警告しません。',
      },
    },
  },
  entity: 'BillingGuardrails',
  reads: ['costBudgets', 'billingAlarms'],
  check(account, context) {
    // Either one is enough; a list that could not be read proves nothing (the failed call says so).
    if (account.costBudgets === undefined || account.billingAlarms === undefined) return;
    if (account.costBudgets.length > 0 || account.billingAlarms.length > 0) return;
    context.report({ messageId: 'none', data: { account: account.accountId } });
  },
});
