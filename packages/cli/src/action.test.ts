import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { steering } from '../../../test/steering.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const bundle = path.join(repo, 'dist', 'action', 'index.mjs');
let base: string;
let workspace: string;
let runnerTemp: string;

/** Runs the committed bundle the way the runner does: inputs in INPUT_*, files for outputs and the summary. */
function runAction(inputs: Record<string, string>, at = workspace) {
  const output = path.join(runnerTemp, `output-${Math.random().toString(36).slice(2)}`);
  const summary = path.join(runnerTemp, `summary-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: at,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  // A different working folder proves paths are taken from GITHUB_WORKSPACE.
  const run = spawnSync(process.execPath, [bundle], { cwd: tmpdir(), env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

interface Command {
  name: string;
  properties: string;
  data: string;
}

/**
 * The workflow commands the runner would act on in a step's output, read as it reads them: a line
 * that starts with `::` (after blanks) is a command, and after `::stop-commands::TOKEN` none is
 * until a line `::TOKEN::`.
 */
function commandsRead(stdout: string): Command[] {
  const out: Command[] = [];
  let stopped: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trim();
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    if (!line.startsWith('::')) continue;
    const end = line.indexOf('::', 2);
    if (end < 0) continue;
    const [name = '', ...rest] = line.slice(2, end).split(' ');
    const command = { name, properties: rest.join(' '), data: line.slice(end + 2) };
    if (name === 'stop-commands') stopped = command.data;
    out.push(command);
  }
  return out;
}

/** Markdown with its code spans taken out: what is left is rendered as Markdown. */
const outsideCodeSpans = (markdown: string): string => markdown.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, '');

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}`;
const openSsh = (name: string) =>
  `  ${name}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n`;

/** A workspace of its own, with these files. */
function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(base, 'ws-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'mamori-action-'));
  workspace = path.join(base, 'workspace');
  runnerTemp = path.join(base, 'runner-temp');
  mkdirSync(runnerTemp);
  cpSync(path.join(repo, 'examples', 'templates'), path.join(workspace, 'templates'), { recursive: true });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the GitHub Action', () => {
  it('action.yml runs the committed bundle and declares the documented inputs and outputs', () => {
    const action = parse(readFileSync(path.join(repo, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: object; outputs: object };
    expect(action.runs.main).toBe('dist/action/index.mjs');
    expect(action.runs.using).toMatch(/^node\d+$/);
    expect(Object.keys(action.inputs).sort()).toEqual([
      'baseline',
      'cache',
      'cache-location',
      'cache-strategy',
      'config',
      'fail-on',
      'fix-patch',
      'format',
      'lang',
      'no-config',
      'parameters',
      'paths',
      'region',
      'sarif-file',
      'trust-config',
    ]);
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'fix-patch', 'fixes', 'notes', 'sarif-file', 'warnings']);
  });

  it('writes the fixes as a patch that git apply takes, and changes no file', () => {
    const text = template(openSsh('Bastion'));
    const ws = checkout({ 'infra/stack.yaml': text, 'infra/other.yaml': template(openSsh('Other')).replace('CidrIp: 0.0.0.0/0', 'CidrIp: 10.0.0.0/8') });
    const r = runAction({ paths: 'infra', 'fail-on': 'none', 'fix-patch': 'mamori-fixes.patch' }, ws);
    expect(r.status).toBe(0);
    expect(r.outputs['fix-patch']).toBe('mamori-fixes.patch');
    expect(r.outputs.fixes).toBe('1');
    expect(r.stdout).toContain('mamori: 1 fix(es) in 1 file(s) written to mamori-fixes.patch as a patch; 0 left unfixed');
    expect(readFileSync(path.join(ws, 'infra', 'stack.yaml'), 'utf8')).toBe(text);
    const patch = readFileSync(path.join(ws, 'mamori-fixes.patch'), 'utf8');
    expect(patch.startsWith('--- a/infra/stack.yaml\n+++ b/infra/stack.yaml\n@@ ')).toBe(true);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: ws, encoding: 'utf8' });
    expect(git('init', '-q').status).toBe(0);
    const applied = git('apply', 'mamori-fixes.patch');
    expect(applied.stderr).toBe('');
    expect(readFileSync(path.join(ws, 'infra', 'stack.yaml'), 'utf8')).toContain('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: { Ref: AdminCidr }}');
    expect(runAction({ paths: 'infra', 'fail-on': 'warning' }, ws).status).toBe(0);
  });

  it('refuses a fix-patch outside the workspace and RUNNER_TEMP', () => {
    const r = runAction({ paths: 'templates', 'fix-patch': '../elsewhere.patch' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('fix-patch:');
  });

  it('scans, writes SARIF, sets outputs, annotates and summarises, and fails on errors', () => {
    const r = runAction({ paths: 'templates/bad\ntemplates/good', 'fail-on': 'error', 'sarif-file': 'out/mamori.sarif' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'out', 'mamori.sarif'), 'utf8')) as Log;
    const results = sarif.runs[0]?.results ?? [];
    expect(r.outputs['sarif-file']).toBe('out/mamori.sarif');
    expect(Number(r.outputs.findings)).toBe(results.length);
    expect(Number(r.outputs.errors) + Number(r.outputs.warnings) + Number(r.outputs.notes)).toBe(results.length);
    expect(Number(r.outputs.errors)).toBe(results.filter((x) => x.level === 'error').length);
    // Annotations on their file and line, paths relative to the workspace; GitHub shows 10 of a kind.
    const annotations = commandsRead(r.stdout).filter((c) => c.name !== 'stop-commands');
    const kinds = { error: 'error', warning: 'warning', note: 'notice' } as const;
    for (const [level, name] of Object.entries(kinds)) {
      const count = results.filter((x) => x.level === level).length;
      expect(
        annotations.filter((c) => c.name === name),
        level,
      ).toHaveLength(Math.min(count, 10));
      if (count > 10) expect(annotations.filter((c) => c.name === name).at(-1)?.data).toMatch(new RegExp(`^${count - 9} more `));
    }
    expect(annotations.find((c) => c.name === 'error')?.properties).toMatch(
      /^file=templates\/bad\/[a-z-]+\.(yaml|json),line=\d+,(col=\d+,endColumn=\d+,)?endLine=\d+,title=MAM\d{3} [a-z-]+$/,
    );
    expect(r.summary).toMatch(
      /^## ❌ mamori: \d+ problems \(\d+ errors, \d+ warnings, \d+ notes?\) in \d+ scanned files — the step failed: findings at or above fail-on: error\n/,
    );
    expect(r.summary).toMatch(/\| Errors \| Warnings \| Notes \| Suppressed \| Estimated monthly waste \(list prices of \d{4}-\d{2}-\d{2}\) \|/);
    expect(r.summary).toContain('| error | `MAM101` `world-open-ingress` | `templates/bad/web-stack.yaml:26` | `Security group WebSecurityGroup allows SSH');
    const levels = [...r.summary.matchAll(/^\| (error|warning|note) \|/gm)].map((m) => m[1]);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'note'].indexOf(a ?? '') - ['error', 'warning', 'note'].indexOf(b ?? '')));
  });

  it('passes with fail-on none, saying so without a cross, and with a tick only on clean templates', () => {
    const none = runAction({ paths: 'templates/bad', 'fail-on': 'none' });
    expect(none.status).toBe(0);
    expect(none.summary).toMatch(
      /^## ⚠️ mamori: \d+ problems \(\d+ errors, \d+ warnings, \d+ notes?\) in \d+ scanned files — the step passed \(fail-on: none\)\n/,
    );
    const clean = runAction({ paths: 'templates/good' });
    expect(clean.status).toBe(0);
    expect(clean.outputs.findings).toBe('0');
    expect(clean.summary).toMatch(/^## ✅ mamori: no problems in \d+ scanned files — the step passed \(fail-on: error\)\n/);
  });

  it('a bad input is a workflow error and exit 2, with a summary that says the step failed', () => {
    const r = runAction({ 'fail-on': 'sometimes' });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^::error title=mamori::mamori: fail-on must be error, warning, note or none, not "sometimes"\n$/);
    expect(r.summary).toMatch(/^## ❌ mamori did not run — the step failed\n/);
    expect(runAction({ 'trust-config': 'yes' }).stdout).toMatch(/trust-config must be true or false, not "yes"/);
  });

  it('an input that failed is never a tick: the heading says the scan is incomplete, and a warning about the scan is not a tick either', () => {
    const at = checkout({
      'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n",
      'circular.yaml': template('  A:\n    Type: AWS::SQS::Queue\n    DependsOn: B\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n'),
    });
    const failed = runAction({ 'fail-on': 'none' }, at);
    expect(failed.status).toBe(2);
    expect(failed.summary).toMatch(
      /^## ❌ mamori: no problems in 1 scanned file; 1 input could not be scanned; 1 warning about the scan — the step failed: the scan is incomplete\n/,
    );
    const commands = commandsRead(failed.stdout);
    expect(commands.find((c) => c.name === 'error')?.properties).toBe('file=broken.yaml,line=3,title=mamori parse-error');
    expect(commands.find((c) => c.name === 'warning')).toMatchObject({ properties: 'file=circular.yaml,line=3,title=mamori not-deployable' });
    expect(failed.summary).toContain('- warning `circular.yaml:3` `Circular dependency between resources');
    rmSync(path.join(at, 'broken.yaml'));
    const warned = runAction({}, at);
    expect(warned.status).toBe(0);
    expect(warned.summary).toMatch(/^## ⚠️ mamori: no problems in 1 scanned file; 1 warning about the scan — the step passed \(fail-on: error\)\n/);
    expect(commandsRead(warned.stdout).map((c) => c.name)).toEqual(['stop-commands', 'warning']);
  });

  it('a scan that could not run still writes a SARIF file, annotates and summarises why', () => {
    const at = checkout({ 'mamori.config.json': '{"rules": {"MAM101": "loud"}}', 't.yaml': template(openSsh('Sg')) });
    const r = runAction({}, at);
    expect(r.status).toBe(2);
    const sarif = JSON.parse(readFileSync(path.join(at, 'mamori.sarif'), 'utf8')) as Log;
    expect(sarif.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(false);
    expect(sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(
      /the scan did not run: .*mamori\.config\.json: rules\.MAM101/,
    );
    expect(commandsRead(r.stdout).find((c) => c.name === 'error')?.data).toMatch(/^the scan did not run: .*mamori\.config\.json: rules\.MAM101/);
    expect(r.summary).toMatch(/^## ❌ mamori: no problems in 0 scanned files; 1 input could not be scanned — the step failed: the scan is incomplete\n/);
  });
});

describe('the Action with a checkout it cannot trust', () => {
  it('prints the report inside a stop-commands bracket with a random token; only its own annotations are commands', () => {
    // A file name that breaks the line to start a command, and a logical id with an OSC 8 link and a line break.
    const at = checkout({
      'x\n::set-env name=NODE_OPTIONS::--require=/tmp/evil.js\n.yaml': template(openSsh('Sg')),
      'ids.json': JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          'Sg\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\n::add-mask::x\u202e': {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: { GroupDescription: 'x', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
          },
        },
      }),
    });
    const first = runAction({}, at);
    const second = runAction({}, at);
    expect(first.status).toBe(1);
    const commands = commandsRead(first.stdout);
    expect(commands[0]?.name).toBe('stop-commands');
    expect(commands[0]?.data).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(commandsRead(second.stdout)[0]?.data).not.toBe(commands[0]?.data);
    expect(first.stdout.split('\n')[0]).toBe(`::stop-commands::${commands[0]?.data}`);
    expect(commands.slice(1).map((c) => c.name)).toEqual(['error', 'error']);
    for (const c of commands.slice(1)) expect(c.properties).toMatch(/^file=[^,]*,line=\d+,col=\d+,endColumn=\d+,endLine=\d+,title=MAM101 world-open-ingress$/);
    // No character in the log steers the runner or a terminal; what the scan found is shown visibly.
    expect(steering(first.stdout)).toEqual([]);
    expect(first.stdout).toContain('x\\n::set-env name=NODE_OPTIONS::--require=/tmp/evil.js\\n.yaml');
    expect(first.stdout).toContain('Security group Sg\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\n::add-mask::x\\u{202e} allows SSH');
    expect(first.summary).toContain(
      '`Security group Sg\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\n::add-mask::x\\u{202e} allows SSH (22/tcp) from 0.0.0.0/0.`',
    );
  });

  it('the job summary shows Markdown and HTML from scanned content as text, never as links, images or tags', () => {
    const at = checkout({
      'a|b<img src=x>.yaml': template(openSsh('"Sg[click](https://evil.example)<img src=https://evil.example/p.png>`tick`@user"')),
    });
    const r = runAction({}, at);
    expect(r.status).toBe(1);
    const rendered = outsideCodeSpans(r.summary);
    for (const markup of ['<img', '](', 'https:', '@user', '[click']) expect(rendered, markup).not.toContain(markup);
    // Inside a table a `|` is escaped, so the cell does not split; a backtick lengthens the span's fence.
    expect(r.summary).toContain(
      '| ``Security group Sg[click](https://evil.example)<img src=https://evil.example/p.png>`tick`@user allows SSH (22/tcp) from 0.0.0.0/0.`` |',
    );
    expect(r.summary).toContain('`a\\|b<img src=x>.yaml:');
  });

  it('the summary stays under GitHub’s 1 MiB for content of any size', () => {
    const long = 'Sg'.padEnd(20_000, '\u202e|`');
    const many = Array.from({ length: 150 }, (_, i) => openSsh(`"${long}${i}"`)).join('');
    const at = checkout({ 'big.yaml': template(many) });
    const r = runAction({}, at);
    expect(r.status).toBe(1);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
    expect(r.summary).toContain('…and 50 more: the report in the log lists them all.');
  });

  it('sarif-file is never written through a link, nor outside the workspace and RUNNER_TEMP', () => {
    const outside = mkdtempSync(path.join(base, 'home-'));
    writeFileSync(path.join(outside, '.bashrc'), 'safe\n');
    const at = checkout({ 't.yaml': template(openSsh('Sg')) });
    symlinkSync(path.join(outside, '.bashrc'), path.join(at, 'mamori.sarif'));
    symlinkSync(outside, path.join(at, 'reports'));

    const linkedFile = runAction({}, at);
    expect(linkedFile.status).toBe(1);
    expect(readFileSync(path.join(outside, '.bashrc'), 'utf8')).toBe('safe\n');
    expect(lstatSync(path.join(at, 'mamori.sarif')).isFile()).toBe(true);

    const linkedFolder = runAction({ 'sarif-file': 'reports/mamori.sarif' }, at);
    expect(linkedFolder.status).toBe(2);
    // Refused before the scan: nothing was printed but the error.
    expect(linkedFolder.stdout).toBe(
      '::error title=mamori::mamori: sarif-file: cannot write reports/mamori.sarif: the folder reports is a symbolic link, and reports are never written through links; remove the link or write elsewhere\n',
    );
    expect(existsSync(path.join(outside, 'mamori.sarif'))).toBe(false);

    for (const target of ['../escape.sarif', path.join(outside, 'abs.sarif')]) {
      const r = runAction({ 'sarif-file': target }, at);
      expect(r.status, target).toBe(2);
      expect(r.stdout, target).toMatch(/^::error title=mamori::mamori: sarif-file: cannot write .*: it is outside /);
    }
    expect(existsSync(path.join(base, 'escape.sarif'))).toBe(false);
    expect(existsSync(path.join(outside, 'abs.sarif'))).toBe(false);
    expect(runAction({ 'sarif-file': path.join(runnerTemp, 'in-temp.sarif') }, at).status).toBe(1);
    expect(existsSync(path.join(runnerTemp, 'in-temp.sarif'))).toBe(true);
  });

  it('does not run a mamori.config.mjs or plugins unless trust-config is true; no-config ignores the configuration', () => {
    const marker = path.join(base, 'config-ran');
    const at = checkout({
      'mamori.config.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default { rules: { MAM101: 'off' } };\n`,
      't.yaml': template(openSsh('Sg')),
    });
    const refused = runAction({}, at);
    expect(refused.status).toBe(2);
    expect(existsSync(marker)).toBe(false);
    expect(commandsRead(refused.stdout).find((c) => c.name === 'error')?.data).toBe(
      `the scan did not run: ${path.join(at, 'mamori.config.mjs')}: is JavaScript, and running code from the scanned files is turned off; set \`trust-config: true\` on the mamori step to run it, or \`no-config: true\` to scan without the configuration`,
    );
    const ignored = runAction({ 'no-config': 'true' }, at);
    expect(ignored.status).toBe(1);
    expect(existsSync(marker)).toBe(false);
    const trusted = runAction({ 'trust-config': 'true' }, at);
    expect(existsSync(marker)).toBe(true);
    expect(trusted.status).toBe(0);

    writeFileSync(path.join(at, 'mamori.config.yaml'), `plugins: [./plugin.mjs]\n`);
    writeFileSync(
      path.join(at, 'plugin.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(`${marker}-plugin`)}, 'ran');\nexport const rules = [];\n`,
    );
    const plugin = runAction({}, at);
    expect(plugin.status).toBe(2);
    expect(plugin.stdout).toMatch(
      /plugins: \.\/plugin\.mjs would be loaded as code, and running code from the scanned files is turned off; set `trust-config: true`/,
    );
    expect(existsSync(`${marker}-plugin`)).toBe(false);
    expect(runAction({ 'no-config': 'true', config: 'mamori.config.yaml' }, at).stdout).toMatch(/config and no-config cannot both be set/);
  });

  it('reads config, parameters and baseline only from the workspace and RUNNER_TEMP, links resolved', () => {
    const outside = mkdtempSync(path.join(base, 'secrets-'));
    writeFileSync(path.join(outside, 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n');
    const at = checkout({ 't.yaml': template(openSsh('Sg')) });
    symlinkSync(path.join(outside, 'id_rsa'), path.join(at, 'params.json'));
    for (const [name, value] of [
      ['parameters', 'params.json'],
      ['baseline', path.join(outside, 'id_rsa')],
      ['config', '../../etc/passwd'],
    ] as const) {
      const r = runAction({ [name]: value }, at);
      expect(r.status, name).toBe(2);
      expect(r.stdout, name).toMatch(new RegExp(`^::error title=mamori::mamori: ${name}: .* is outside `));
      expect(r.stdout, name).not.toContain('OPENSSH');
    }
    // A data configuration naming a file outside through a link is refused the same way.
    writeFileSync(path.join(at, 'mamori.config.json'), JSON.stringify({ parameters: 'params.json' }));
    const viaConfig = runAction({}, at);
    expect(viaConfig.status).toBe(2);
    expect(viaConfig.stdout).toMatch(/parameters: params\.json is outside .* \(a link to .*id_rsa\)/);
    expect(viaConfig.stdout).not.toContain('OPENSSH');
  });
});
