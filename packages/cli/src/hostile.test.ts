import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonReport } from '@mamori/core';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ec2Error, emptyAccountRoutes, everyCallBut, type FakeAws, jsonError, queryError, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { multitoolIssues, schemaErrors } from '../../../test/sarif-validate.js';
import { main } from './main.js';

const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    color: false,
  });
  return { code, stdout, stderr };
}

let dir: string;
const put = (rel: string, content: string | Buffer): string => {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
};

/** One folder with every kind of broken input beside a template that has a finding. */
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-cli-hostile-'));
  put('good.yaml', OPEN_SSH);
  const bomb = ["AWSTemplateFormatVersion: '2010-09-09'", 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 8; i++)
    bomb.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  put('bad/bomb.yaml', `${bomb.join('\n')}\n`);
  put('bad/deep.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
  put('bad/latin1.yaml', Buffer.concat([Buffer.from("AWSTemplateFormatVersion: '2010-09-09'\nDescription: caf"), Buffer.from([0xe9, 0x0a])]));
  put('bad/dup.yaml', `${OPEN_SSH}  Sg:\n    Type: AWS::SNS::Topic\n`);
  truncateSync(put('bad/huge.yaml', OPEN_SSH), 100 * 1024 * 1024);
  symlinkSync(path.join(dir, 'bad', 'loop-b.yaml'), path.join(dir, 'bad', 'loop-a.yaml'));
  symlinkSync(path.join(dir, 'bad', 'loop-a.yaml'), path.join(dir, 'bad', 'loop-b.yaml'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  // Read and scanned, with a notice.
  put('odd/commented.json', '{\n  // web\n  "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}\n}\n');
  put('odd/cycle.yaml', 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: B\n  B:\n    Type: AWS::SNS::Topic\n    DependsOn: A\n');
  put('odd/big.yaml', `${OPEN_SSH}Description: ${'x'.repeat(60_000)}\n`);
  put('odd/empty.yaml', '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ERRORS = [
  ['bad/bomb.yaml', 'YAML aliases expand to more than 100000 values (an alias bomb?); not read'],
  ['bad/deep.json', 'JSON nests deeper than 500 levels'],
  ['bad/dup.yaml', 'Duplicate key "Sg" (first at line 3, column 3); CloudFormation rejects a template that repeats a key'],
  ['bad/huge.yaml', "Not scanned: 104,857,600 bytes (100.0 MiB) is over mamori's 20.0 MiB limit for a template file (CloudFormation accepts at most 1 MB)"],
  ['bad/latin1.yaml', 'Cannot read file: not valid UTF-8 (byte 0xE9 at line 2, column 17); CloudFormation reads templates as UTF-8'],
  ['bad/loop-a.yaml', 'Cannot read file: symbolic link loop'],
  ['bad/loop-b.yaml', 'Cannot read file: symbolic link loop'],
  ['pipe.yaml', 'Cannot read file: it is a named pipe (FIFO), not a regular file'],
];

describe('mamori scan over a folder of hostile inputs', () => {
  it('exits 2, names every input it could not read, and still reports the good template', async () => {
    const { code, stdout, stderr } = await run(['scan', '.', 'pipe.yaml'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(stdout).toContain('good.yaml\n  8:63  error  Security group Sg allows SSH (22/tcp) from 0.0.0.0/0.');
    for (const [file, message] of ERRORS)
      expect(stdout).toMatch(new RegExp(`^${file?.replaceAll('.', '\\.')}\\n(  .*\\n)*  [\\d:]+ +error +${regexEscape(message ?? '')}`, 'm'));
    expect(stdout).toMatch(/8 inputs could not be scanned/);
    expect(stdout).not.toMatch(/\n\s+at /);
  });

  it('--format json: the same errors in the report and on stderr, one line each, never a stack', async () => {
    const { code, stdout, stderr } = await run(['scan', '.', 'pipe.yaml', '--format', 'json', '--fail-on', 'none'], dir);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary.failedInputs).toBe(ERRORS.length);
    expect(report.notifications.filter((n) => n.level === 'error').map((n) => [n.file, n.message])).toEqual(ERRORS);
    expect(report.findings.map((f) => f.location.file)).toEqual(['good.yaml', 'odd/big.yaml']);
    expect(stderr.trimEnd().split('\n')).toHaveLength(ERRORS.length);
    expect(stderr).toMatch(/^mamori: bad\/latin1\.yaml:2:17: Cannot read file: not valid UTF-8/m);
  });

  it('--format sarif: the run is marked failed, and the log validates against the schema and sarif-multitool', async () => {
    const { code, stdout } = await run(['scan', '.', 'pipe.yaml', '--format', 'sarif'], dir);
    expect(code).toBe(2);
    const log = JSON.parse(stdout) as Log;
    const invocation = log.runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications?.filter((n) => n.level === 'error')).toHaveLength(ERRORS.length);
    expect(schemaErrors(log)).toEqual([]);
    expect(multitoolIssues(log)).toEqual([]);
  });

  it('inputs that are read with a notice (comments, a cycle, a large or empty file) do not change the exit code', async () => {
    expect((await run(['scan', 'odd', '--fail-on', 'none'], dir)).code).toBe(0);
    const { code, stdout } = await run(['scan', 'odd'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('odd/commented.json\n  2:3  note  Comment in JSON: read here, but CloudFormation rejects it');
    expect(stdout).toContain('odd/cycle.yaml\n  2:3  warning  Circular dependency between resources: A → B → A;');
    // 233 bytes of template, `Description: `, 60,000 x and a line break.
    expect(stdout).toContain(
      'odd/big.yaml\n  0:0   note   Template is 60,247 bytes, over the 51,200 bytes CloudFormation accepts inline (--template-body); deploy it from S3 (--template-url, up to 1 MB)  template-limit\n  8:63  error  Security group Sg allows SSH',
    );
  });
});

describe('mamori scan of a folder with nothing to scan', () => {
  let own: string;
  beforeAll(() => {
    own = mkdtempSync(path.join(tmpdir(), 'mamori-cli-nothing-'));
  });
  afterAll(() => rmSync(own, { recursive: true, force: true }));

  it('warns, with no green tick, and exits 0: the warning does not change the exit code', async () => {
    mkdirSync(path.join(own, 'empty'));
    const { code, stdout } = await run(['scan', 'empty'], own);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'warning  Nothing was scanned: no file found under the paths given (files git ignores, and untracked files in node_modules, cdk.out and .aws-sam, are left out)\n\n⚠ nothing was scanned (0 errors, 0 warnings, 0 notes) in 0 templates scanned\n',
    );
    expect(stdout).not.toContain('✔');
  });

  it('binary files passed over are counted in the text, and each named in the JSON and SARIF reports', async () => {
    mkdirSync(path.join(own, 'media'));
    for (const name of ['a.png', 'b.png', 'c.gif']) writeFileSync(path.join(own, 'media', name), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const text = await run(['scan', 'media'], own);
    expect(text.stdout).toContain('note  3 binary files not checked for keys: media/a.png, media/b.png, media/c.gif\n');
    const json = JSON.parse((await run(['scan', 'media', '--format', 'json'], own)).stdout) as JsonReport;
    expect(json.notifications.find((n) => n.files)?.files).toEqual(['media/a.png', 'media/b.png', 'media/c.gif']);
    const sarif = JSON.parse((await run(['scan', 'media', '--format', 'sarif'], own)).stdout) as Log;
    const notes = sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    const binary = notes.find((n) => n.message.text?.includes('binary'));
    expect(binary?.locations?.map((l) => l.physicalLocation?.artifactLocation?.uri)).toEqual(['media/a.png', 'media/b.png', 'media/c.gif']);
    expect(notes.map((n) => n.descriptor?.id)).toContain('nothing-scanned');
    expect(schemaErrors(sarif)).toEqual([]);
    expect(multitoolIssues(sarif)).toEqual([]);
  });
});

describe('mamori collect when the credentials expire during the run', () => {
  let aws: FakeAws;
  let restore: () => void;
  beforeAll(async () => {
    let answers = 2;
    aws = await startFakeAws(
      everyCallBut(emptyAccountRoutes(), (req) => {
        if (--answers >= 0) return undefined;
        const message = 'The security token included in the request is expired';
        if (req.service === 'ec2') return ec2Error('ExpiredToken', message, 400);
        return req.service === 'cloudtrail' ? jsonError('ExpiredTokenException', message, 400) : queryError('ExpiredToken', message, 400);
      }),
    );
    restore = useFakeAwsEnv(aws.url);
    process.env.AWS_MAX_ATTEMPTS = '2';
  });
  afterAll(async () => {
    restore();
    await aws.close();
  });

  it('writes the snapshot, says it is incomplete, exits 2; scanning it is an error too', async () => {
    const out = path.join(dir, 'expired.json');
    const collected = await run(['collect', '--output', out, '--quiet'], dir);
    expect(collected.code).toBe(2);
    expect(collected.stderr).toMatch(
      /^mamori: the credentials expired during the collection \(ExpiredToken(Exception)?\); \d+ call\(s\) failed or were not made, so the snapshot is incomplete\. Collect again with fresh credentials\n$/,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).errors.length).toBeGreaterThan(10);
    const scanned = await run(['scan', 'expired.json', '--format', 'json'], dir);
    expect(scanned.code).toBe(2);
    expect(scanned.stderr).toMatch(/^mamori: expired\.json:\d+:\d+: The credentials expired while the account was collected: /m);
  });
});

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
