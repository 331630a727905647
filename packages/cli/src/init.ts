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
