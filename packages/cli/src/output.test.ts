import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyAccountRoutes, type FakeAws, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { steering, withoutColour } from '../../../test/steering.js';
import { main } from './main.js';
import { prepareOutput } from './output.js';

const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;

async function run(args: string[], cwd: string, color = false) {
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
    color,
  });
  return { code, stdout, stderr };
}

let base: string;
let repo: string;
let outside: string;
beforeEach(() => {
  // A checkout (`repo`) and, beside it, what a link committed in it would point at.
  base = mkdtempSync(path.join(tmpdir(), 'mamori-output-'));
  repo = path.join(base, 'repo');
  outside = path.join(base, 'home');
  mkdirSync(repo);
  mkdirSync(outside);
  writeFileSync(path.join(outside, '.bashrc'), 'export PATH=/usr/bin\n');
  writeFileSync(path.join(repo, 'stack.yaml'), OPEN_SSH);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const bashrc = () => readFileSync(path.join(outside, '.bashrc'), 'utf8');

describe('reports are never written through a link the checkout holds', () => {
  it('--output that is a link: the link is replaced by the report, its target untouched', async () => {
    symlinkSync(path.join(outside, '.bashrc'), path.join(repo, 'mamori.sarif'));
    const r = await run(['scan', '.', '--format', 'sarif', '--output', 'mamori.sarif'], repo);
    expect(r.code).toBe(1);
    expect(bashrc()).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(path.join(repo, 'mamori.sarif')).isSymbolicLink()).toBe(false);
    expect((JSON.parse(readFileSync(path.join(repo, 'mamori.sarif'), 'utf8')) as Log).version).toBe('2.1.0');
  });

  it('a link that points nowhere is replaced too, and no file appears where it pointed', async () => {
    symlinkSync(path.join(outside, 'new-file'), path.join(repo, 'report.json'));
    expect((await run(['scan', '.', '--format', 'json', '--output', 'report.json'], repo)).code).toBe(1);
    expect(existsSync(path.join(outside, 'new-file'))).toBe(false);
    expect(lstatSync(path.join(repo, 'report.json')).isFile()).toBe(true);
  });

  it('a folder on the way that is a link is refused before the scan, naming it', async () => {
    symlinkSync(outside, path.join(repo, 'reports'));
    const r = await run(['scan', '.', '--format', 'html', '--output', 'reports/x/mamori.html'], repo);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'mamori: cannot write reports/x/mamori.html: the folder reports is a symbolic link, and reports are never written through links; remove the link or write elsewhere\n',
    );
    expect(existsSync(path.join(outside, 'x'))).toBe(false);
  });

  it('missing folders are created; a file in the way is a one-line error', async () => {
    expect((await run(['scan', '.', '--format', 'json', '--output', 'out/deep/r.json'], repo)).code).toBe(1);
    expect(existsSync(path.join(repo, 'out/deep/r.json'))).toBe(true);
    const r = await run(['scan', '.', '--output', 'stack.yaml/r.txt'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mamori: cannot write stack.yaml/r.txt: stack.yaml is not a folder\n');
    expect((await run(['scan', '.', '--output', '.'], repo)).stderr).toBe('mamori: cannot write .: it is a folder\n');
  });

  it('a path outside the working folder is the user’s choice: its folders are taken as they are', async () => {
    // A home folder reached through a link, as /tmp is on macOS.
    symlinkSync(outside, path.join(base, 'home-link'));
    const target = path.join(base, 'home-link', 'reports', 'r.json');
    expect((await run(['scan', '.', '--format', 'json', '--output', target], repo)).code).toBe(1);
    expect(existsSync(path.join(outside, 'reports', 'r.json'))).toBe(true);
  });

  it('baseline --output replaces a link rather than following it', async () => {
    symlinkSync(path.join(outside, '.bashrc'), path.join(repo, 'mamori-baseline.sarif'));
    expect((await run(['baseline', '--no-config'], repo)).code).toBe(0);
    expect(bashrc()).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(path.join(repo, 'mamori-baseline.sarif')).isFile()).toBe(true);
  });

  it('init keeps a link that is there (even a dangling one) and, with --force, replaces it without following it', async () => {
    symlinkSync(path.join(outside, 'created'), path.join(repo, 'mamori.config.yaml'));
    const kept = await run(['init'], repo);
    expect(kept.stderr).toBe('mamori: mamori.config.yaml exists; left as it is (--force overwrites it)\n');
    expect(existsSync(path.join(outside, 'created'))).toBe(false);
    expect(readlinkSync(path.join(repo, 'mamori.config.yaml'))).toBe(path.join(outside, 'created'));
    expect((await run(['init', '--force'], repo)).code).toBe(0);
    expect(existsSync(path.join(outside, 'created'))).toBe(false);
    expect(readFileSync(path.join(repo, 'mamori.config.yaml'), 'utf8')).toMatch(/^## mamori configuration/);
  });

  it('init refuses a .github that is a link, before writing anything', async () => {
    symlinkSync(outside, path.join(repo, '.github'));
    const r = await run(['init'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mamori: cannot write \.github\/workflows\/mamori\.yml: the folder \.github is a symbolic link/);
    expect(existsSync(path.join(repo, 'mamori.config.yaml'))).toBe(false);
    expect(existsSync(path.join(outside, 'workflows'))).toBe(false);
  });

  it('leaves no temporary file behind, and writes nothing when the file cannot be replaced', async () => {
    mkdirSync(path.join(repo, 'taken.json'));
    const r = await run(['scan', '.', '--format', 'json', '--output', 'taken.json'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mamori: cannot write taken.json: it is a folder\n');
    const target = await prepareOutput('ok.txt', { cwd: repo });
    await target.write('one');
    await target.write('two');
    expect(readFileSync(path.join(repo, 'ok.txt'), 'utf8')).toBe('two');
    expect(
      readdirSync(repo).filter((f) => f.startsWith('.')),
      'no .tmp or probe file is left',
    ).toEqual([]);
  });

  it('with `within`, nothing is written outside those folders', async () => {
    await expect(prepareOutput('../home/x.sarif', { cwd: repo, within: [repo] })).rejects.toThrow(/^cannot write \.\.\/home\/x\.sarif: it is outside /);
    await expect(prepareOutput(path.join(outside, 'x.sarif'), { cwd: repo, within: [repo] })).rejects.toThrow(/it is outside/);
    await expect(prepareOutput(path.join(outside, 'x.sarif'), { cwd: repo, within: [repo, outside] })).resolves.toBeDefined();
  });
});

describe('an unwritable output is reported before the AWS calls', () => {
  let aws: FakeAws;
  let restore: () => void;
  beforeAll(async () => {
    aws = await startFakeAws(emptyAccountRoutes());
    restore = useFakeAwsEnv(aws.url);
  });
  afterAll(async () => {
    restore();
    await aws.close();
  });

  it('collect --output into a linked folder makes no call', async () => {
    symlinkSync(outside, path.join(repo, 'snapshots'));
    const before = aws.requests.length;
    const r = await run(['collect', '--output', 'snapshots/account.json', '--quiet'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mamori: cannot write snapshots\/account\.json: the folder snapshots is a symbolic link/);
    expect(aws.requests.length).toBe(before);
  });

  it('scan --account with an --output or --snapshot-output that cannot be written makes no call', async () => {
    const before = aws.requests.length;
    const report = await run(['scan', '--account', '--quiet', '--output', 'stack.yaml/report.txt'], repo);
    expect(report.code).toBe(2);
    expect(report.stderr).toBe('mamori: cannot write stack.yaml/report.txt: stack.yaml is not a folder\n');
    const snapshot = await run(['scan', '--account', '--quiet', '--snapshot-output', 'stack.yaml/s.json'], repo);
    expect(snapshot.code).toBe(2);
    expect(snapshot.stderr).toBe('mamori: cannot write stack.yaml/s.json: stack.yaml is not a folder\n');
    expect(aws.requests.length).toBe(before);
    expect(existsSync(path.join(repo, 'mamori-snapshot.json'))).toBe(false);
  });
});

describe('text from scanned files cannot steer the terminal', () => {
  // A file name with ESC, an OSC 8 hyperlink, a line break that fakes a line, and a bidi override.
  const hostileName = 'x\u001b[2J\u001b]8;;https:evil.example\u0007click\u001b]8;;\u0007\n::set-env name=A::b\u202egnp.yaml';

  it('stylish shows control characters visibly, and still colours', async () => {
    writeFileSync(path.join(repo, hostileName), OPEN_SSH);
    const r = await run(['scan', '.'], repo, true);
    expect(r.code).toBe(1);
    // Colour sequences are mamori's own; without them no control character is left but line breaks.
    const plain = withoutColour(r.stdout);
    expect(steering(plain)).toEqual([]);
    expect(plain).toContain('x\\x1b[2J\\x1b]8;;https:evil.example\\x07click\\x1b]8;;\\x07\\n::set-env name=A::b\\u{202e}gnp.yaml');
    expect(plain.split('\n').some((l) => l.startsWith('::'))).toBe(false);
    expect(r.stdout).toContain('\u001b[31merror');
  });

  it('stderr lines for failed inputs and one-line errors are printable', async () => {
    writeFileSync(path.join(repo, `bad\u001b[31m.yaml`), "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n");
    const r = await run(['scan', '.', '--format', 'json'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mamori: bad\\x1b[31m.yaml:');
    expect(r.stderr).not.toContain('\u001b');
    writeFileSync(path.join(repo, 'conf\u001b]0;pwned\u0007.json'), '{"rules": ');
    const config = await run(['scan', '.', '--config', 'conf\u001b]0;pwned\u0007.json'], repo);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^mamori: .*conf\\x1b\]0;pwned\\x07\.json: /);
    expect(config.stderr).not.toContain('\u001b');
  });

  it('JSON and SARIF carry the same values with C1 controls, separators and bidi controls escaped', async () => {
    // A logical id in JSON can hold any character; it reaches the message of the finding.
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        'Sg\u009b31m\u2028\u202e': {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { GroupDescription: 'x', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
        },
      },
    };
    writeFileSync(path.join(repo, 'stack.yaml'), JSON.stringify(template));
    for (const format of ['json', 'sarif']) {
      const r = await run(['scan', '.', '--format', format], repo);
      expect(r.stdout, format).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      expect(r.stdout, format).toContain('Security group Sg\\u009b31m\\u2028\\u202e allows SSH');
      expect(JSON.stringify(JSON.parse(r.stdout)), format).toContain('Security group Sg\u009b31m\u2028\u202e allows SSH');
    }
  });
});
