// What `mamori init` writes. Each commented example stays valid when uncommented (a test uncomments
// them all): prose is commented twice, so that uncommenting leaves it a comment.
export const STARTER_CONFIG = `## mamori configuration: https://github.com/mamori-dev/mamori#configuration
## Validated against @mamori/core/schema/config.schema.json. Uncomment an example to use it.
## Turn a rule off, change its level, or set its options, by id or name:
# rules:
#   instance-without-profile: off
#   MAM101: { severity: warning }
exclude:
  - '**/node_modules/**'
# parameters: deploy/parameters.json   # or a map: { Env: prod }
# region: eu-west-1                    # where the templates are deployed: cost findings use its prices
# suppressions:                        # findings accepted outside the templates
#   - rule: eip-unattached
#     arn: 'arn:aws:ec2:*:123456789012:elastic-ip/eipalloc-0abc*'
#     reason: reserved for the DNS cut-over in March
`;

// The same in Japanese: the same keys and examples, the prose translated.
const STARTER_CONFIG_JA = `## mamori の設定: https://github.com/mamori-dev/mamori#configuration
## @mamori/core/schema/config.schema.json で検証されます。使う例はコメントを外してください。
## ルールを ID または名前で無効にする、レベルを変える、オプションを設定する:
# rules:
#   instance-without-profile: off
#   MAM101: { severity: warning }
exclude:
  - '**/node_modules/**'
# parameters: deploy/parameters.json   # またはマップ: { Env: prod }
# region: eu-west-1                    # テンプレートのデプロイ先: コストの検出結果はその料金を使います
# lang: ja                             # 出力の言語: en または ja
# suppressions:                        # テンプレートの外で受け入れる検出結果
#   - rule: eip-unattached
#     arn: 'arn:aws:ec2:*:123456789012:elastic-ip/eipalloc-0abc*'
#     reason: 3 月の DNS 切り替えまで確保しておく
`;

/** The starter configuration, its comments in `lang`. */
export function starterConfig(lang: 'en' | 'ja'): string {
  return lang === 'ja' ? STARTER_CONFIG_JA : STARTER_CONFIG;
}

export const STARTER_WORKFLOW = `name: mamori
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  mamori:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: mamori
        uses: mamori-dev/mamori@v0
        with:
          paths: .
          fail-on: error
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: \${{ steps.mamori.outputs.sarif-file }}
          category: mamori
`;
