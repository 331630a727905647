import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureRules, type MamoriConfig, PRICE_LIST, VERSION, validateConfig } from '@mamori/core';
import { rules } from '@mamori/rules';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { emptyAccountRoutes, type FakeAws, startFakeAws } from '../../../test/fake-aws.js';
import { main } from './main.js';
import { SCAN_SETTINGS } from './options.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const SECRET = ['q3Xv9LmT2rBfK8wZpN4s', 'Yd7HcJ1eGuA6oVtR0kWi'].join('');
const KEY_ID = ['AKIA', 'Z7QXW4LM2RTB6NHE'].join('');

async function run(args: string[], options: { cwd?: string; color?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: options.cwd ?? repo,
    color: options.color ?? false,
    // The machine's AWS_REGION would change the prices of cost findings.
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mamori', () => {
  it("the README's sample output is what scanning the examples prints, line for line and in order", async () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const sample = /```text\n\$ node packages\/cli\/dist\/bundle\/mamori\.mjs scan examples\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(sample).toBeDefined();
    const { stdout } = await run(['scan', 'examples', '--fail-on', 'none']);
    const printed = stdout.split('\n');
    let at = 0;
    const kept = (sample ?? '').split('\n').filter((l) => l !== '' && l.trim() !== '...');
    expect(kept.length).toBeGreaterThan(5);
    for (const line of kept) {
      const found = printed.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('--help lists the commands, exit codes and examples', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: mamori \[options\] \[command\]/);
    expect(stdout).toMatch(/scan \[options\] \[paths\.\.\.\]/);
    expect(stdout).toMatch(/Exit codes:\n {2}0 /);
  });

  it('scan --help documents every option', async () => {
    const { code, stdout } = await run(['scan', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--format', '--output', '--fail-on', '--no-color']) expect(stdout).toContain(flag);
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(VERSION);
  });

  it('usage errors exit 2 with a message', async () => {
    const unknown = await run(['scan', '--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--nope'/);
    const badChoice = await run(['scan', '--format', 'xml']);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toMatch(/Allowed choices are stylish, json, sarif, html/);
    expect((await run(['scna'])).stderr).toMatch(/Did you mean scan\?/);
  });

  it('findings at the fail level exit 1, stylish grouped by file with a summary', async () => {
    const { code, stdout } = await run(['scan', 'examples']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^examples\/templates\/bad\/deploy-function\.json\n {2}14:35 {2}error {2}Hard-coded AWS access key id/m);
    expect(stdout).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ notes?\) in \d+ templates and 3 account snapshots scanned$/m);
    expect(stdout).toMatch(
      /^ {2}about \$\d+\.\d\d a month of estimated waste in \d+ cost findings \(list prices of \d{4}-\d\d-\d\d\)\n {2}\d+ problems potentially fixable with mamori fix\n$/m,
    );
    // An account's findings name their region; a template's do not.
    expect(stdout).toMatch(/^ {2}\d+:\d+ +warning {2}\[eu-west-1\] NAT gateway nat-0dcfb692d29afb0d9 has no route pointing at it/m);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +error {2}Security group WebSecurityGroup allows SSH/m);
    expect(stdout).not.toContain('\u001b[');
  });

  it('--fail-on decides the exit code', async () => {
    expect((await run(['scan', 'examples', '--fail-on', 'none'])).code).toBe(0);
    expect((await run(['scan', 'examples', '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['scan', 'examples/templates/good'])).code).toBe(0);
  });

  it('colours output only when asked', async () => {
    expect((await run(['scan', 'examples'], { color: true })).stdout).toContain('\u001b[31merror');
    expect((await run(['scan', 'examples', '--no-color'], { color: true })).stdout).not.toContain('\u001b[');
  });

  it('--format json is the JSON report', async () => {
    const { stdout } = await run(['scan', 'examples', '--format', 'json']);
    const report = JSON.parse(stdout) as { summary: { findings: number; error: number }; findings: { ruleId: string }[] };
    expect(report.summary.findings).toBe(report.findings.length);
    expect(report.summary.error).toBeGreaterThan(0);
  });

  it('--format sarif --output writes the file and says so on stderr', async () => {
    const out = path.join(tmp, 'r.sarif');
    const { code, stdout, stderr } = await run(['scan', 'examples', '-f', 'sarif', '-o', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/sarif report written to/);
    const log = JSON.parse(readFileSync(out, 'utf8')) as Log;
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results?.length).toBeGreaterThan(0);
  });

  it('redacts secrets in every format', async () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const { stdout } = await run(['scan', 'examples', '--format', format]);
      expect(stdout, format).toContain('AKIA************6NHE');
      expect(stdout, format).not.toContain(KEY_ID);
      expect(stdout, format).not.toContain(SECRET);
    }
  });

  it('a broken template exits 2 and still shows the other findings', async () => {
    const { code, stdout } = await run(['scan', 'examples', 'test/fixtures/broken-template.yaml']);
    expect(code).toBe(2);
    expect(stdout).toContain(
      'test/fixtures/broken-template.yaml\n  7:7  error  Duplicate key "GroupDescription" (first at line 6, column 7); CloudFormation rejects a template that repeats a key  parse-error',
    );
    expect(stdout).toContain('MAM101 world-open-ingress');
    expect(stdout).toMatch(/1 input could not be scanned/);
  });

  it('input errors go to stderr for machine formats, and exit 2 even with --fail-on none', async () => {
    const { code, stderr } = await run(['scan', 'nope.yaml', '--format', 'json', '--fail-on', 'none']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nope\.yaml: No such file or folder/);
  });

  it('a clean folder exits 0 with a green summary', async () => {
    writeFileSync(path.join(tmp, 'ok.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    const { code, stdout } = await run(['scan'], { cwd: tmp });
    expect(code).toBe(0);
    expect(stdout).toBe('✔ no problems (0 errors, 0 warnings, 0 notes) in 1 template scanned\n');
  });

  it('--parameters applies deploy-time values, in the create-stack shape', async () => {
    const params = path.join(tmp, 'params.json');
    writeFileSync(params, JSON.stringify([{ ParameterKey: 'AdminCidr', ParameterValue: '203.0.113.5/32' }]));
    const withDefault = await run(['scan', 'examples/templates/bad/web-stack.yaml', '--format', 'json']);
    const overridden = await run(['scan', 'examples/templates/bad/web-stack.yaml', '--format', 'json', '--parameters', params]);
    const messages = (out: string) => (JSON.parse(out) as { findings: { message: string }[] }).findings.map((f) => f.message);
    expect(messages(withDefault.stdout).some((m) => m.includes('SSH (22/tcp) from 0.0.0.0/0 (default of parameter AdminCidr)'))).toBe(true);
    expect(messages(overridden.stdout).some((m) => m.includes('SSH'))).toBe(false);
    expect(messages(overridden.stdout).length).toBe(messages(withDefault.stdout).length - 1);
  });

  it('a bad parameter file is a one-line error and exit 2', async () => {
    const params = path.join(tmp, 'bad-params.json');
    writeFileSync(params, '["NoEquals"]');
    const { code, stderr, stdout } = await run(['scan', 'examples', '--parameters', params]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`mamori: ${params}: item 0 must look like "Key=Value"\n`);
  });

  it('init writes a starter config that validates and a workflow, and keeps existing files', async () => {
    const dir = mkdtempSync(path.join(tmp, 'init-'));
    const first = await run(['init'], { cwd: dir });
    expect(first.stdout).toBe('wrote mamori.config.yaml\nwrote .github/workflows/mamori.yml\n');
    expect(readFileSync(path.join(dir, '.github/workflows/mamori.yml'), 'utf8')).toMatch(
      /security-events: write[\s\S]*upload-sarif[\s\S]*sarif_file: \$\{\{ steps\.mamori\.outputs\.sarif-file \}\}/,
    );
    writeFileSync(path.join(dir, 'ok.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    expect((await run(['scan'], { cwd: dir })).code).toBe(0);
    const again = await run(['init'], { cwd: dir });
    expect(again.stderr).toMatch(/mamori\.config\.yaml exists; left as it is/);
  });

  it("init's configuration stays valid with every commented example uncommented, and its workflow names only the Action's inputs", async () => {
    const dir = mkdtempSync(path.join(tmp, 'init-examples-'));
    await run(['init'], { cwd: dir });
    const written = readFileSync(path.join(dir, 'mamori.config.yaml'), 'utf8');
    const uncommented = written.replace(/^(\s*)# ?/gm, '$1');
    expect(uncommented).not.toBe(written);
    const config = parse(uncommented) as MamoriConfig;
    expect(Object.keys(config)).toEqual(['rules', 'exclude', 'parameters', 'region', 'suppressions']);
    expect(() => configureRules(rules, validateConfig('mamori.config.yaml', config))).not.toThrow();
    // The prose stays a comment either way.
    expect(uncommented).toMatch(/^# mamori configuration/);
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/mamori.yml'), 'utf8')) as {
      jobs: { mamori: { steps: { uses?: string; with?: Record<string, unknown> }[] } };
    };
    const step = workflow.jobs.mamori.steps.find((s) => s.uses?.startsWith('mamori-dev/mamori'));
    const inputs = SCAN_SETTINGS.flatMap((s) => (s.input ? [s.input.name] : []));
    expect(Object.keys(step?.with ?? {}).filter((k) => !inputs.includes(k))).toEqual([]);
  });

  it('a configuration found upward turns rules off and changes levels; --no-config ignores it', async () => {
    const dir = mkdtempSync(path.join(tmp, 'config-'));
    writeFileSync(path.join(dir, 'mamori.config.json'), JSON.stringify({ rules: { 'world-open-ingress': 'note' } }));
    writeFileSync(
      path.join(dir, 't.yaml'),
      'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}]\n',
    );
    const configured = await run(['scan'], { cwd: dir });
    expect(configured.code).toBe(0);
    expect(configured.stdout).toMatch(/note {2}Security group Sg allows SSH/);
    expect((await run(['scan', '--no-config'], { cwd: dir })).code).toBe(1);
    writeFileSync(path.join(dir, 'mamori.config.json'), JSON.stringify({ rules: { MAM101: 'loud' } }));
    const bad = await run(['scan'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/mamori\.config\.json: rules\.MAM101: must be equal to one of the allowed values/);
  });

  it('prices template cost findings in --region, else AWS_REGION, else the configuration, else us-east-1', async () => {
    const dir = mkdtempSync(path.join(tmp, 'region-'));
    writeFileSync(path.join(dir, 'nat.yaml'), 'Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: subnet-1\n');
    const message = async (args: string[], env: Record<string, string> = {}) => {
      const { stdout } = await run(['scan', ...args, '--format', 'json'], { cwd: dir, env });
      return (JSON.parse(stdout) as { findings: { message: string }[] }).findings.map((f) => f.message);
    };
    // 0.045 and 0.062 an hour over 730 hours, plus $3.65 for the public address.
    expect(await message([])).toEqual(['NAT gateway Nat has no route pointing at it, about $36.50 a month (us-east-1 prices).']);
    expect(await message(['--region', 'ap-northeast-1'])).toEqual([
      'NAT gateway Nat has no route pointing at it, about $48.91 a month (ap-northeast-1 prices).',
    ]);
    expect((await message([], { AWS_REGION: 'ap-northeast-1' }))[0]).toMatch(/\$48\.91 a month \(ap-northeast-1 prices\)/);
    expect((await message([], { AWS_DEFAULT_REGION: 'ap-northeast-1' }))[0]).toMatch(/\(ap-northeast-1 prices\)/);
    writeFileSync(path.join(dir, 'mamori.config.json'), JSON.stringify({ region: 'eu-west-1' }));
    expect((await message([]))[0]).toMatch(/\(eu-west-1 prices\)/);
    expect((await message([], { AWS_REGION: 'ap-northeast-1' }))[0]).toMatch(/\(ap-northeast-1 prices\)/);
    expect((await message(['--region', 'us-west-1'], { AWS_REGION: 'ap-northeast-1' }))[0]).toMatch(/\(us-west-1 prices\)/);
    // A region the list does not hold is priced at us-east-1's, visibly.
    expect((await message(['--region', 'xx-nowhere-9']))[0]).toMatch(/\$36\.50 a month \(us-east-1 prices: none listed for xx-nowhere-9\)/);
    const bad = await run(['scan', '--region', 'Tokyo'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--region.*must be a region name/);
    writeFileSync(path.join(dir, 'mamori.config.json'), JSON.stringify({ region: 'not a region' }));
    expect((await run(['scan'], { cwd: dir })).stderr).toMatch(/mamori\.config\.json: region: must match pattern/);
  });

  it("writes in --lang, else the configuration's lang, else the locale of LC_ALL, LC_MESSAGES, LANG, else English", async () => {
    const dir = mkdtempSync(path.join(tmp, 'lang-'));
    writeFileSync(path.join(dir, 'nat.yaml'), 'Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: subnet-1\n');
    const english = 'NAT gateway Nat has no route pointing at it, about $36.50 a month (us-east-1 prices).';
    const japanese = 'NAT ゲートウェイ Nat を指すルートがなく、月額およそ $36.50 かかります (us-east-1 の料金)。';
    const message = async (args: string[], env: Record<string, string> = {}) => {
      const { stdout } = await run(['scan', ...args, '--format', 'json'], { cwd: dir, env });
      return (JSON.parse(stdout) as { findings: { message: string }[] }).findings.map((f) => f.message)[0];
    };
    const reportLang = async (args: string[]) =>
      (JSON.parse((await run(['scan', ...args, '--format', 'json'], { cwd: dir })).stdout) as { lang?: string }).lang;
    expect(await reportLang([])).toBeUndefined();
    expect(await reportLang(['--lang', 'ja'])).toBe('ja');
    expect(await message([])).toBe(english);
    expect(await message(['--lang', 'ja'])).toBe(japanese);
    expect(await message([], { LANG: 'ja_JP.UTF-8' })).toBe(japanese);
    expect(await message([], { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe(english);
    expect(await message(['--lang', 'en'], { LANG: 'ja_JP.UTF-8' })).toBe(english);
    writeFileSync(path.join(dir, 'mamori.config.json'), JSON.stringify({ lang: 'ja' }));
    expect(await message([])).toBe(japanese);
    expect(await message([], { LANG: 'en_US.UTF-8' })).toBe(japanese);
    expect(await message(['--lang', 'en'])).toBe(english);
    const stylish = await run(['scan', '--fail-on', 'none'], { cwd: dir });
    expect(stylish.stdout).toMatch(/^✖ 1 件の問題 \(エラー 0、警告 1、注意 0\)。テンプレート 1 件をスキャンしました$/m);
    const sarif = JSON.parse((await run(['scan', '--format', 'sarif', '--fail-on', 'none'], { cwd: dir })).stdout) as Log;
    expect(sarif.runs[0]?.language).toBe('ja');
    expect(sarif.runs[0]?.results?.[0]?.message.text).toBe(japanese);
    const bad = await run(['scan', '--lang', 'fr'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('mamori: --lang must be en or ja, not "fr"\n');
    writeFileSync(path.join(dir, 'mamori.config.json'), JSON.stringify({ lang: 'fr' }));
    expect((await run(['scan'], { cwd: dir })).stderr).toMatch(/mamori\.config\.json: lang: must be equal to one of the allowed values/);
  });

  it('baseline then --baseline: only new findings count', async () => {
    const dir = mkdtempSync(path.join(tmp, 'baseline-'));
    const sg = (n: string) =>
      `  ${n}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}]\n`;
    writeFileSync(path.join(dir, 't.yaml'), `Resources:\n${sg('A')}`);
    const recorded = await run(['baseline', '--no-config'], { cwd: dir });
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toBe('mamori: baseline of 1 finding(s) in 1 file(s) written to mamori-baseline.sarif\n');
    expect((await run(['scan', '--no-config', '--baseline', 'mamori-baseline.sarif'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 't.yaml'), `Resources:\n${sg('A')}${sg('B')}`);
    const after = await run(['scan', '--no-config', '--baseline', 'mamori-baseline.sarif'], { cwd: dir });
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(/Security group B allows SSH/);
    expect(after.stdout).not.toMatch(/Security group A allows SSH/);
    expect(after.stdout).toMatch(/1 unchanged from the baseline/);
    const notSarif = await run(['scan', '--baseline', 't.yaml'], { cwd: dir });
    expect(notSarif.code).toBe(2);
    expect(notSarif.stderr).toMatch(/t\.yaml: not a JSON file/);
  });

  it('--plugin adds rules from a module', async () => {
    const { code, stdout } = await run([
      'scan',
      'examples/custom-rules/stack.yaml',
      '--no-config',
      '--plugin',
      './examples/custom-rules/acme-plugin.mjs',
      '--fail-on',
      'warning',
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/ACME001 acme-owner-tag/);
  });

  it('rules lists the catalog', async () => {
    const { code, stdout } = await run(['rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^MAM101 {2}world-open-ingress/m);
    expect(stdout).toMatch(/^MAM301 {2}hardcoded-aws-credentials/m);
    expect(stdout).toMatch(/^MAM706 {2}no-billing-guardrail/m);
  });

  it('rules warns, without failing, when the list prices are over a year old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.parse(`${PRICE_LIST.date}T00:00:00Z`) + 500 * 86_400_000));
      const { code, stderr } = await run(['rules']);
      expect(code).toBe(0);
      expect(stderr).toBe(
        `mamori: warning: the list prices of cost findings are from ${PRICE_LIST.date}, 500 days ago: run scripts/update-prices.mjs to bring them up to date\n`,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('mamori collect and scan --account', () => {
  const ENV = [
    'AWS_ENDPOINT_URL',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_REGION',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_EC2_METADATA_DISABLED',
    'AWS_PROFILE',
  ];
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
  let aws: FakeAws;

  beforeAll(async () => {
    aws = await startFakeAws(emptyAccountRoutes());
    for (const k of ENV) delete process.env[k];
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: aws.url,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: path.join(tmp, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
  });
  afterAll(async () => {
    await aws.close();
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('collect writes a snapshot and says where, with no progress line when stderr is not a terminal', async () => {
    const out = path.join(tmp, 'account.json');
    const { code, stdout, stderr } = await run(['collect', '--region', 'us-east-1', '--region', 'eu-west-1', '--output', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^mamori: account 210987654321, 2 region\(s\) \(us-east-1, eu-west-1\) collected in \d+\.\d s; snapshot written to .*account\.json\n$/,
    );
    const snapshot = JSON.parse(readFileSync(out, 'utf8')) as { mamoriSnapshot: number; regions: string[] };
    expect(snapshot.mamoriSnapshot).toBe(1);
    expect(snapshot.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('draws a progress line on a terminal, and none with --quiet', async () => {
    const out = path.join(tmp, 'tty.json');
    let stderr = '';
    const io = {
      stdout: () => undefined,
      stderr: (t: string) => {
        stderr += t;
      },
      cwd: repo,
      color: false,
      stderrIsTTY: true,
    };
    expect(await main(['collect', '--output', out], io)).toBe(0);
    expect(stderr).toContain('\r\u001b[2Kmamori: collecting: ');
    expect(stderr).toMatch(/mamori: collecting: \d+\/\d+ calls/);
    expect(stderr).toMatch(/\d+\/\d+ calls · .*(ec2|iam|rds|cloudtrail) /);
    stderr = '';
    expect(await main(['collect', '--output', out, '--quiet'], io)).toBe(0);
    expect(stderr).toBe('');
  });

  it('scan --account collects, keeps the snapshot and reports into it', async () => {
    const snap = path.join(tmp, 'scanned.json');
    const { code, stdout } = await run(['scan', '--account', '--snapshot-output', snap, '--quiet'], { cwd: tmp });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}\d+:\d+ {2}error {4}Account 210987654321 has no CloudTrail trail\. {2}MAM504 cloudtrail-missing$/m);
    expect(stdout).toMatch(/^ {2}\d+:\d+ {2}warning {2}Account 210987654321 has no cost budget and no alarm on its estimated charges/m);
    expect(stdout).toMatch(/in 0 templates and 1 account snapshot scanned\n$/);
  });

  it('--all-regions reads the regions enabled in the account', async () => {
    const out = path.join(tmp, 'all.json');
    expect((await run(['collect', '--all-regions', '--output', out, '--quiet'])).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { regions: string[] }).regions).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('--region and --all-regions do not go together; collect needs --output', async () => {
    expect((await run(['collect', '--region', 'eu-west-1', '--all-regions', '-o', 'x.json'])).stderr).toMatch(/cannot be used with option '--region/);
    expect(await run(['collect'])).toMatchObject({ code: 2, stderr: 'mamori: collect needs --output <file> (or --org with --role-name and --out-dir)\n' });
  });
});
