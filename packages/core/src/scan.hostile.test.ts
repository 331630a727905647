import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config/config.js';
import { readBaseline } from './engine/baseline.js';
import { loadDeclarativeRules } from './engine/plugins.js';
import { inputFs } from './files/input-fs.js';
import { type ScanResult, scan, scanText } from './scan.js';
import { loadParameters } from './template/parameters.js';

/**
 * Hostile and broken inputs, one by one: what each gets (level, code, message, position), that it
 * never hides the other files, and that an input mamori could not read is an error (exit code 2).
 */

const OPEN_SSH = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;

let dir: string;
function write(rel: string, content: string | Buffer): string {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}
const run = (paths: string[] = ['.']): Promise<ScanResult> => scan({ paths, cwd: dir, rules });
const findingsIn = (result: ScanResult, file: string) =>
  result.findings.filter((f) => f.location.file === file).map((f) => [f.ruleId, f.location.line, f.location.column]);
const only = (result: ScanResult, file: string) => result.notifications.filter((n) => n.file === file);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-hostile-'));
  write('good.yaml', OPEN_SSH);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Every hostile file sits beside good.yaml, whose one finding must survive. */
async function beside(paths: string[] = ['.']): Promise<ScanResult> {
  const result = await run(paths);
  if (paths.includes('.')) expect(findingsIn(result, 'good.yaml')).toEqual([['MAM101', 8, 63]]);
  for (const n of result.notifications) expect(n.message).not.toMatch(/\n|\s at /);
  return result;
}

function aliasBomb(levels: number, fan: number): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", `l0: &l0 [${Array(fan).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(fan)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nResources: {}\n`;
}

describe('YAML alias bombs ("billion laughs")', () => {
  it('stop at a bound, quickly, with an error at the alias that crosses it', async () => {
    write('bomb.yaml', aliasBomb(10, 10));
    const started = performance.now();
    const result = await beside();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(only(result, 'bomb.yaml')).toEqual([
      {
        level: 'error',
        code: 'parse-error',
        file: 'bomb.yaml',
        line: 6,
        // The alias being expanded when the bound was crossed: before l4, 12,330 values came through aliases,
        // and each *l3 brings 11,111 more, so the 8th one in `l4: &l4 [*l3, *l3, ...` crosses 100,000.
        column: 10 + 7 * 5,
        message: 'YAML aliases expand to more than 100000 values (an alias bomb?); not read',
      },
    ]);
  });

  it('a few aliases, as templates use them, are fine', async () => {
    const { findings, notifications } = await scanText({
      file: 't.yaml',
      rules,
      text: `${OPEN_SSH}  Sg2:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: y\n      SecurityGroupIngress: &open\n        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0}\n  Sg3:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: z\n      SecurityGroupIngress: *open\n`,
    });
    expect(notifications).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(['MAM101', 'MAM101', 'MAM101']);
  });
});

describe('deep nesting', () => {
  it('JSON nested 100,000 levels is refused at the level that crosses the bound', async () => {
    write('deep.json', `{"AWSTemplateFormatVersion": "2010-09-09",\n "Resources": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const result = await beside();
    expect(only(result, 'deep.json')).toEqual([
      { level: 'error', code: 'parse-error', file: 'deep.json', line: 2, column: 514, message: 'JSON nests deeper than 500 levels' },
    ]);
  });

  it('YAML nested in flow collections or block sequences is refused with a message', async () => {
    write('flow.yaml', `AWSTemplateFormatVersion: '2010-09-09'\nResources: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    write('block.yaml', `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${'- '.repeat(2_000)}x\n`);
    const result = await beside();
    expect(only(result, 'flow.yaml')).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'parse-error',
        line: 2,
        message: expect.stringMatching(/^YAML nests (deeper than 500 levels|too deeply to read)/),
      }),
    ]);
    expect(only(result, 'block.yaml')).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'parse-error',
        line: 3,
        message: expect.stringMatching(/^YAML nests (deeper than 500 levels|too deeply to read)/),
      }),
    ]);
  });
});

describe('a 100 MB file', () => {
  const HUNDRED_MB = 100 * 1024 * 1024;

  it('found in a folder and not a template: passed over with a note', async () => {
    // Sparse: 100 MB long without taking the disk space.
    truncateSync(write('data/dump.json', '[1, 2, 3'), HUNDRED_MB);
    const result = await beside();
    expect(only(result, 'data/dump.json')).toEqual([
      {
        level: 'note',
        code: 'skipped',
        file: 'data/dump.json',
        message: "Not scanned: 104,857,600 bytes (100.0 MiB) is over mamori's 20.0 MiB limit for a template file (CloudFormation accepts at most 1 MB)",
      },
    ]);
  });

  it('that starts like a template, or named explicitly: an error, and the other files are still scanned', async () => {
    truncateSync(write('huge.yaml', OPEN_SSH), HUNDRED_MB);
    truncateSync(write('named.json', '{}'), HUNDRED_MB);
    const result = await beside(['.', 'named.json']);
    expect(findingsIn(result, 'good.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(result.notifications.map((n) => [n.file, n.level, n.code])).toEqual([
      ['huge.yaml', 'error', 'skipped'],
      ['named.json', 'error', 'skipped'],
    ]);
  });
});

describe('binary files and encodings', () => {
  it('a binary file named explicitly is an error; those found in a folder are named together in one note', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    write('logo.template', png);
    write('named.json', png);
    for (let i = 0; i < 7; i++) write(`img/${i}.png`, png);
    const result = await beside(['.', 'named.json']);
    expect(findingsIn(result, 'good.yaml')).toHaveLength(1);
    const images = [0, 1, 2, 3, 4, 5, 6].map((i) => `img/${i}.png`);
    expect(result.notifications).toEqual([
      { level: 'error', code: 'read-error', file: 'named.json', message: 'Cannot read file: binary content (a NUL byte at offset 8), not a template' },
      {
        level: 'note',
        code: 'skipped',
        message: '8 binary files not checked for keys: img/0.png, img/1.png, img/2.png, img/3.png, img/4.png and 3 more',
        files: [...images, 'logo.template'],
      },
    ]);
  });

  it('invalid UTF-8 in a template is an error at its line and column', async () => {
    const head = OPEN_SSH.split('\n').slice(0, 5).join('\n');
    write('latin1.yaml', Buffer.concat([Buffer.from(`${head}\n      GroupDescription: caf`), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = await beside();
    expect(only(result, 'latin1.yaml')).toEqual([
      {
        level: 'error',
        code: 'read-error',
        file: 'latin1.yaml',
        line: 6,
        column: 28,
        message: 'Cannot read file: not valid UTF-8 (byte 0xE9 at line 6, column 28); CloudFormation reads templates as UTF-8',
      },
    ]);
  });

  it('a UTF-16 template (as PowerShell writes them) is an error, with or without its byte-order mark', async () => {
    write('ps.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OPEN_SSH, 'utf16le')]));
    write('nobom.json', Buffer.from(JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }), 'utf16le'));
    const result = await beside();
    expect(only(result, 'ps.yaml')).toEqual([
      {
        level: 'error',
        code: 'read-error',
        file: 'ps.yaml',
        message: 'Cannot read file: it is encoded as UTF-16LE; CloudFormation reads templates as UTF-8 (convert it, e.g. iconv -f UTF-16LE -t UTF-8)',
      },
    ]);
    expect(only(result, 'nobom.json')).toEqual([
      {
        level: 'error',
        code: 'read-error',
        file: 'nobom.json',
        message: 'Cannot read file: it is encoded as UTF-16LE; CloudFormation reads templates as UTF-8 (convert it, e.g. iconv -f UTF-16LE -t UTF-8)',
      },
    ]);
  });

  it('a UTF-8 byte-order mark is not content: YAML and JSON are read, columns unshifted', async () => {
    write('bom.yaml', `\uFEFF${OPEN_SSH}`);
    write(
      'bom.json',
      `\uFEFF${JSON.stringify({ Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] } } } })}`,
    );
    const result = await beside();
    expect(result.notifications).toEqual([]);
    expect(findingsIn(result, 'bom.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(findingsIn(result, 'bom.json')).toEqual([['MAM101', 1, 170]]);
  });

  it('CRLF line breaks give the same lines and columns as LF; lone CR is an error that says why', async () => {
    write('crlf.yaml', OPEN_SSH.replaceAll('\n', '\r\n'));
    write('cr.yaml', OPEN_SSH.replaceAll('\n', '\r'));
    const result = await beside();
    expect(findingsIn(result, 'crlf.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(only(result, 'cr.yaml')).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'parse-error',
        line: 1,
        message: expect.stringMatching(/; its line breaks are lone CR characters: save it with LF or CRLF line breaks$/),
      }),
    ]);
  });
});

describe('links, special files and files that cannot be read', () => {
  it('a loop of symbolic links is an error; a link to a missing file a warning; a link to a folder is not followed', async () => {
    symlinkSync(path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml'));
    symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
    symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'dangling.yaml'));
    symlinkSync(dir, path.join(dir, 'self'));
    const result = await beside();
    expect(result.notifications).toEqual([
      { level: 'error', code: 'read-error', file: 'a.yaml', message: 'Cannot read file: symbolic link loop' },
      { level: 'error', code: 'read-error', file: 'b.yaml', message: 'Cannot read file: symbolic link loop' },
      { level: 'warning', code: 'skipped', file: 'dangling.yaml', message: 'Skipped: symbolic link to a missing file (no such file)' },
    ]);
    const named = await run(['a.yaml', 'dangling.yaml']);
    expect(named.notifications).toEqual([
      { level: 'error', code: 'read-error', file: 'a.yaml', message: 'Cannot read file: symbolic link loop' },
      { level: 'error', code: 'read-error', file: 'dangling.yaml', message: 'Cannot read file: broken symbolic link (its target does not exist)' },
    ]);
  });

  it('a named pipe is refused at once, never read (the read would block)', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const result = await beside(['.', 'pipe.yaml']);
    expect(result.notifications).toEqual([
      { level: 'error', code: 'read-error', file: 'pipe.yaml', message: 'Cannot read file: it is a named pipe (FIFO), not a regular file' },
    ]);
  });

  it('a folder named like a template is walked as a folder', async () => {
    write('stack.yaml/inner.yaml', OPEN_SSH);
    const result = await beside(['.', 'stack.yaml']);
    expect(result.files).toEqual(['good.yaml', 'stack.yaml/inner.yaml']);
    expect(result.notifications).toEqual([]);
  });

  it('a file the system refuses to read (permission, I/O error) is an error naming it; the others are scanned', async () => {
    // chmod 000 stops nothing for root, as in CI containers: the failure is injected where files are read.
    write('locked.yaml', OPEN_SSH);
    write('failing.json', '{}');
    const open = inputFs.open;
    const readAt = inputFs.readAt;
    const failing = new Set<number>();
    vi.spyOn(inputFs, 'open').mockImplementation((p, options) => {
      if (p.endsWith('locked.yaml')) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
      const fd = open(p, options);
      if (p.endsWith('failing.json')) failing.add(fd);
      else failing.delete(fd);
      return fd;
    });
    vi.spyOn(inputFs, 'readAt').mockImplementation((fd, ...rest) => {
      if (failing.has(fd)) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      return readAt(fd, ...rest);
    });
    const result = await beside();
    expect(result.notifications).toEqual([
      { level: 'error', code: 'read-error', file: 'failing.json', message: 'Cannot read file: input/output error' },
      { level: 'error', code: 'read-error', file: 'locked.yaml', message: 'Cannot read file: permission denied' },
    ]);
  });

  it('a folder that cannot be listed is an error; its siblings are scanned', async () => {
    write('private/t.yaml', OPEN_SSH);
    const readdir = inputFs.readdir;
    vi.spyOn(inputFs, 'readdir').mockImplementation((p: string) => {
      if (p.endsWith('private')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return readdir(p);
    });
    const result = await beside();
    expect(result.notifications).toEqual([{ level: 'error', code: 'read-error', file: 'private', message: 'Cannot read folder: permission denied' }]);
  });
});

describe('templates CloudFormation would reject, still scanned', () => {
  it('circular Ref, GetAtt, Sub and DependsOn between resources: a warning naming the cycle', async () => {
    write(
      'cycle.yaml',
      `${OPEN_SSH}  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt B.TopicName\n  B:\n    Type: AWS::SNS::Topic\n    DependsOn: C\n  C:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '\${A}-q'\n  Self:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '\${Self.Arn}'\n`,
    );
    const result = await beside();
    expect(findingsIn(result, 'cycle.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(only(result, 'cycle.yaml')).toEqual([
      {
        level: 'warning',
        code: 'not-deployable',
        file: 'cycle.yaml',
        line: 9,
        column: 3,
        message: 'Circular dependency between resources: A → B → C → A; CloudFormation rejects this template (scanned anyway)',
      },
      {
        level: 'warning',
        code: 'not-deployable',
        file: 'cycle.yaml',
        line: 20,
        column: 3,
        message: 'Circular dependency between resources: Self refers to itself; CloudFormation rejects this template (scanned anyway)',
      },
    ]);
  });

  it('a SAM template is not checked for cycles: the transform rewrites its references', async () => {
    const { notifications } = await scanText({
      file: 'sam.yaml',
      rules,
      text: "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionBody: {uri: !Sub '${Fn.Arn}'}\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events: {Get: {Type: Api, Properties: {RestApiId: !Ref Api}}}\n",
    });
    expect(notifications).toEqual([]);
  });

  it('conditions that refer to each other: a warning, and they are treated as unknown, so both branches are checked', async () => {
    const { findings, notifications } = await scanText({
      file: 'conditions.yaml',
      rules,
      text: `${OPEN_SSH.replace('Resources:', 'Conditions:\n  IsProd: !Not [!Condition IsDev]\n  IsDev: !And [!Condition IsProd, !Equals [a, a]]\nResources:').replace('CidrIp: 0.0.0.0/0', 'CidrIp: !If [IsProd, 10.0.0.0/8, 0.0.0.0/0]')}`,
    });
    expect(notifications).toEqual([
      {
        level: 'warning',
        code: 'not-deployable',
        file: 'conditions.yaml',
        line: 3,
        column: 3,
        message:
          'Circular reference between conditions: IsProd → IsDev → IsProd; CloudFormation rejects this template (scanned anyway), and these conditions are treated as unknown',
      },
    ]);
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([['MAM101', expect.stringContaining('when condition IsProd is false')]]);
  });

  it('duplicate keys, in YAML and in JSON: an error at the second, naming the first', async () => {
    write('dup.yaml', `${OPEN_SSH}  Sg:\n    Type: AWS::S3::Bucket\n`);
    write('dup.json', '{\n  "Resources": {\n    "A": {"Type": "AWS::SNS::Topic"},\n    "A": {"Type": "AWS::SQS::Queue"}\n  }\n}\n');
    const result = await beside();
    expect(result.notifications).toEqual([
      {
        level: 'error',
        code: 'parse-error',
        file: 'dup.json',
        line: 4,
        column: 5,
        message: 'Duplicate key "A" (first at line 3, column 5); CloudFormation rejects a template that repeats a key',
      },
      {
        level: 'error',
        code: 'parse-error',
        file: 'dup.yaml',
        line: 9,
        column: 3,
        message: 'Duplicate key "Sg" (first at line 3, column 3); CloudFormation rejects a template that repeats a key',
      },
    ]);
  });

  it('over 51,200 bytes: a note to deploy from S3; over 1 MB: a warning; both scanned', async () => {
    const padded = (bytes: number): string => `${OPEN_SSH}Description: ${'x'.repeat(bytes - OPEN_SSH.length - 14)}\n`;
    write('s3.yaml', padded(60_000));
    write('toobig.yaml', padded(1_200_000));
    const result = await beside();
    expect(findingsIn(result, 's3.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(findingsIn(result, 'toobig.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(result.notifications).toEqual([
      {
        level: 'note',
        code: 'template-limit',
        file: 's3.yaml',
        message:
          'Template is 60,000 bytes, over the 51,200 bytes CloudFormation accepts inline (--template-body); deploy it from S3 (--template-url, up to 1 MB)',
      },
      {
        level: 'warning',
        code: 'not-deployable',
        file: 'toobig.yaml',
        message: 'Template is 1,200,000 bytes, over the 1 MB (1,000,000 bytes) CloudFormation accepts even from S3; scanned anyway',
      },
    ]);
  });

  it('more than 500 resources: a warning at the Resources key', async () => {
    const resources = Array.from({ length: 501 }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n`).join('');
    const { notifications } = await scanText({ file: 'many.yaml', rules, text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}` });
    expect(notifications).toEqual([
      {
        level: 'warning',
        code: 'not-deployable',
        file: 'many.yaml',
        line: 2,
        column: 1,
        message: '501 resources, over the 500 CloudFormation allows in one template; scanned anyway',
      },
    ]);
  });

  it('JSON with comments and trailing commas: read, with a note that CloudFormation rejects them', async () => {
    write(
      'commented.json',
      '{\n  // the web tier\n  "Resources": {\n    "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x",\n      "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"},]}}\n  }\n}\n',
    );
    const result = await beside();
    expect(findingsIn(result, 'commented.json')).toEqual([['MAM101', 5, 94]]);
    expect(only(result, 'commented.json')).toEqual([
      {
        level: 'note',
        code: 'not-deployable',
        file: 'commented.json',
        line: 2,
        column: 3,
        message: 'Comment in JSON: read here, but CloudFormation rejects it in a JSON template; remove it before deploying',
      },
      {
        level: 'note',
        code: 'not-deployable',
        file: 'commented.json',
        line: 5,
        column: 106,
        message: 'Trailing comma in JSON: read here, but CloudFormation rejects it in a JSON template; remove it before deploying',
      },
    ]);
  });

  it('an empty file: a note when named, nothing when found in a folder', async () => {
    write('empty.yaml', '');
    write('blank.json', '\uFEFF \n');
    write('comments.yaml', '# nothing yet\n');
    expect((await beside()).notifications).toEqual([]);
    const named = await run(['empty.yaml', 'blank.json', 'comments.yaml']);
    expect(named.notifications).toEqual([
      { level: 'note', code: 'empty-file', file: 'blank.json', message: 'Empty file: nothing to scan' },
      { level: 'note', code: 'empty-file', file: 'comments.yaml', message: 'No content: the file holds only comments; nothing to scan' },
      { level: 'note', code: 'empty-file', file: 'empty.yaml', message: 'Empty file: nothing to scan' },
    ]);
  });
});

describe('files the scan does not own', () => {
  let outside: string;
  beforeEach(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'mamori-outside-'));
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  /** Real paths of every file opened during `fn`. */
  async function opened<T>(fn: () => Promise<T>): Promise<{ value: T; paths: string[] }> {
    const open = inputFs.open;
    const paths: string[] = [];
    vi.spyOn(inputFs, 'open').mockImplementation((p, options) => {
      const fd = open(p, options);
      try {
        paths.push(readlinkSync(`/proc/self/fd/${fd}`));
      } catch {
        paths.push(p);
      }
      return fd;
    });
    return { value: await fn(), paths };
  }

  it('a symbolic link out of the scanned folder is never read, and named with its target in a note; links inside it are read', async () => {
    const credentials = path.join(outside, 'home', '.aws', 'credentials');
    mkdirSync(path.dirname(credentials), { recursive: true });
    writeFileSync(credentials, `[default]\naws_access_key_id = ${['AKIA', 'Z7QXW4LM2RTB6NHE'].join('')}\n`);
    writeFileSync(path.join(outside, 'outside.yaml'), OPEN_SSH);
    symlinkSync('/etc/passwd', path.join(dir, 'passwd'));
    symlinkSync(credentials, path.join(dir, 'credentials'));
    mkdirSync(path.join(dir, 'deep', 'er'), { recursive: true });
    const relative = path.relative(path.join(dir, 'deep', 'er'), path.join(outside, 'outside.yaml'));
    symlinkSync(relative, path.join(dir, 'deep', 'er', 'up.yaml'));
    symlinkSync('good.yaml', path.join(dir, 'alias.yaml'));
    const { value: result, paths } = await opened(() => beside());
    expect(findingsIn(result, 'alias.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(result.notifications).toEqual([
      {
        level: 'note',
        code: 'skipped',
        file: 'credentials',
        message: `Not followed: symbolic link to ${JSON.stringify(credentials)}, outside the scanned paths`,
      },
      {
        level: 'note',
        code: 'skipped',
        file: 'deep/er/up.yaml',
        message: `Not followed: symbolic link to ${JSON.stringify(relative)} (${JSON.stringify(path.join(outside, 'outside.yaml'))}), outside the scanned paths`,
      },
      { level: 'note', code: 'skipped', file: 'passwd', message: 'Not followed: symbolic link to "/etc/passwd", outside the scanned paths' },
    ]);
    expect(paths.filter((p) => !p.startsWith(`${dir}/`))).toEqual([]);
  });

  it('/proc/self/pagemap, /dev/zero and /dev/urandom: not followed through a link; named, refused or read no further than the cap', async () => {
    for (const target of ['/proc/self/pagemap', '/dev/zero', '/dev/urandom']) symlinkSync(target, path.join(dir, `${path.basename(target)}.yaml`));
    const linked = await beside();
    expect(linked.notifications.map((n) => [n.file, n.message.replace(/ \(.*\)/, '')])).toEqual([
      ['pagemap.yaml', 'Not followed: symbolic link to "/proc/self/pagemap", outside the scanned paths'],
      ['urandom.yaml', 'Not followed: symbolic link to "/dev/urandom", outside the scanned paths'],
      ['zero.yaml', 'Not followed: symbolic link to "/dev/zero", outside the scanned paths'],
    ]);
    const readAt = vi.spyOn(inputFs, 'readAt');
    const asked = () => readAt.mock.calls.reduce((sum, [, , , length]) => sum + length, 0);
    const named = await run(['/proc/self/pagemap', '/dev/zero', '/dev/urandom']);
    const devices = named.notifications.filter((n) => n.file?.includes('/dev/'));
    expect(devices.map((n) => [n.level, n.code, n.message])).toEqual([
      ['error', 'read-error', 'Cannot read file: it is a device, not a regular file'],
      ['error', 'read-error', 'Cannot read file: it is a device, not a regular file'],
    ]);
    // pagemap says it holds 0 bytes and holds gigabytes: cut at the text limit.
    expect(named.notifications.filter((n) => n.file?.endsWith('pagemap')).map((n) => [n.level, n.code, n.message])).toEqual([
      ['note', 'skipped', "Not checked for keys: more than 1,048,576 bytes is over mamori's 1.0 MiB limit for text files"],
    ]);
    expect(asked()).toBeLessThanOrEqual(1024 * 1024 + 1);
    readAt.mockClear();
    // Named as a template, through a link (the user's choice): cut at the template limit.
    const asTemplate = await run(['pagemap.yaml']);
    expect(asTemplate.notifications.map((n) => [n.level, n.code, n.message])).toEqual([
      [
        'error',
        'skipped',
        "Not scanned: it holds more than 20,971,520 bytes (its size said 0), over mamori's 20.0 MiB limit for a template file (CloudFormation accepts at most 1 MB)",
      ],
    ]);
    expect(asked()).toBeLessThanOrEqual(20 * 1024 * 1024 + 1);
  });

  it('a path given as a symbolic link is the user choice: its target is scanned', async () => {
    writeFileSync(path.join(outside, 'linked.yaml'), OPEN_SSH);
    symlinkSync(outside, path.join(dir, 'infra'));
    symlinkSync(path.join(outside, 'linked.yaml'), path.join(dir, 'named.yaml'));
    const result = await run(['infra', 'named.yaml']);
    expect(result.notifications).toEqual([]);
    expect(findingsIn(result, 'infra/linked.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(findingsIn(result, 'named.yaml')).toEqual([['MAM101', 8, 63]]);
  });

  it('a folder swapped for a link out of the scanned folder after it was listed: its file is not read', async () => {
    write('stacks/t.yaml', OPEN_SSH);
    write('stacks/notes.txt', 'nothing\n');
    writeFileSync(path.join(outside, 't.yaml'), OPEN_SSH);
    writeFileSync(path.join(outside, 'notes.txt'), 'nothing\n');
    const open = inputFs.open;
    let swapped = false;
    vi.spyOn(inputFs, 'open').mockImplementation((p, options) => {
      if (!swapped && p.startsWith(path.join(dir, 'stacks'))) {
        swapped = true;
        rmSync(path.join(dir, 'stacks'), { recursive: true });
        symlinkSync(outside, path.join(dir, 'stacks'));
      }
      return open(p, options);
    });
    const result = await beside();
    expect(swapped).toBe(true);
    expect(findingsIn(result, 'stacks/t.yaml')).toEqual([]);
    expect(result.notifications).toEqual([
      {
        level: 'note',
        code: 'skipped',
        file: 'stacks/notes.txt',
        message: `Not checked for keys: it resolves to ${JSON.stringify(path.join(outside, 'notes.txt'))}, outside the scanned folders`,
      },
      {
        level: 'note',
        code: 'skipped',
        file: 'stacks/t.yaml',
        message: `Not read: it resolves to ${JSON.stringify(path.join(outside, 't.yaml'))}, outside the scanned folders`,
      },
    ]);
  });

  it('named pipes, sockets and devices found in a folder are named in a note, never opened', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    symlinkSync(path.join(dir, 'pipe.txt'), path.join(dir, 'to-pipe.txt'));
    const { value: result, paths } = await opened(() => beside());
    expect(result.notifications).toEqual([
      { level: 'note', code: 'skipped', file: 'pipe.txt', message: 'Not scanned: it is a named pipe (FIFO), not a regular file' },
      { level: 'note', code: 'skipped', file: 'to-pipe.txt', message: 'Not scanned: symbolic link to a named pipe (FIFO), not a regular file' },
    ]);
    expect(paths.filter((p) => p.includes('pipe'))).toEqual([]);
  });

  it('a .gitignore that is a named pipe or a link is not read (nor waited on); its patterns are not applied', async () => {
    write('sub/t.yaml', OPEN_SSH);
    execFileSync('mkfifo', [path.join(dir, 'sub', '.gitignore')]);
    write('other/.real-ignore', 't.yaml\n');
    write('other/t.yaml', OPEN_SSH);
    symlinkSync('.real-ignore', path.join(dir, 'other', '.gitignore'));
    const result = await beside();
    expect(findingsIn(result, 'sub/t.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(findingsIn(result, 'other/t.yaml')).toEqual([['MAM101', 8, 63]]);
    expect(result.notifications.filter((n) => n.file?.endsWith('.gitignore'))).toEqual([
      {
        level: 'note',
        code: 'skipped',
        file: 'other/.gitignore',
        message: 'Not read: it is a symbolic link, not a regular file; its patterns are not applied',
      },
      {
        level: 'note',
        code: 'skipped',
        file: 'sub/.gitignore',
        message: 'Not read: it is a named pipe (FIFO), not a regular file; its patterns are not applied',
      },
      { level: 'note', code: 'skipped', file: 'sub/.gitignore', message: 'Not scanned: it is a named pipe (FIFO), not a regular file' },
    ]);
  });
});

describe('keys in text of every encoding, and text files the key scan passes over', () => {
  const KEY_ID = ['AKIA', 'Z7QXW4LM2RTB6NHE'].join('');
  const ENV = `# deploy\nREGION=eu-west-1\nAWS_ACCESS_KEY_ID=${KEY_ID}\n`;
  const keys = (result: ScanResult, file: string) =>
    result.findings.filter((f) => f.location.file === file).map((f) => [f.messageId, f.location.line, f.location.column, f.location.endColumn]);

  it('UTF-16 with a byte-order mark (LE and BE), and Windows-1252: keys at the line and column an editor shows', async () => {
    write('utf8.env', ENV);
    write('le.env', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ENV, 'utf16le')]));
    write('be.env', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ENV, 'utf16le').swap16()]));
    // "café €5 " in Windows-1252: one byte a character, é = 0xE9, € = 0x80.
    write('cp1252.txt', Buffer.concat([Buffer.from('# notes\ncaf'), Buffer.from([0xe9, 0x20, 0x80]), Buffer.from(`5 key ${KEY_ID}\n`)]));
    const result = await beside();
    expect(result.notifications).toEqual([]);
    expect(keys(result, 'utf8.env')).toEqual([['accessKeyId', 3, 19, 39]]);
    expect(keys(result, 'le.env')).toEqual(keys(result, 'utf8.env'));
    expect(keys(result, 'be.env')).toEqual(keys(result, 'utf8.env'));
    expect(keys(result, 'cp1252.txt')).toEqual([['accessKeyId', 2, 13, 33]]);
  });

  it('YAML and JSON that are not templates and not UTF-8 are still checked for keys', async () => {
    write('config.yaml', Buffer.concat([Buffer.from('owner: Jos'), Buffer.from([0xe9]), Buffer.from(`\nkey: ${KEY_ID}\n`)]));
    write('values.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`{"key": "${KEY_ID}"}\n`, 'utf16le')]));
    const result = await beside();
    expect(result.notifications).toEqual([]);
    expect(keys(result, 'config.yaml')).toEqual([['accessKeyId', 2, 6, 26]]);
    expect(keys(result, 'values.json')).toEqual([['accessKeyId', 1, 10, 30]]);
  });

  it('a text file over the 1 MiB limit is named in a note, with its size', async () => {
    write('big.env', `${'#'.repeat(1.5 * 1024 * 1024)}\nAWS_ACCESS_KEY_ID=${KEY_ID}\n`);
    const result = await beside();
    expect(only(result, 'big.env')).toEqual([
      {
        level: 'note',
        code: 'skipped',
        file: 'big.env',
        message: "Not checked for keys: 1,572,904 bytes (1.5 MiB) is over mamori's 1.0 MiB limit for text files",
      },
    ]);
  });

  it('a text file that cannot be read is an error naming it', async () => {
    write('locked.env', ENV);
    const open = inputFs.open;
    vi.spyOn(inputFs, 'open').mockImplementation((p, options) => {
      if (p.endsWith('locked.env')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return open(p, options);
    });
    const result = await beside();
    expect(only(result, 'locked.env')).toEqual([{ level: 'error', code: 'read-error', file: 'locked.env', message: 'Cannot read file: permission denied' }]);
  });

  it('a YAML file named explicitly that is not a template is still checked for keys', async () => {
    write('settings.yaml', `owner: ops\nkey: ${KEY_ID}\n`);
    const result = await run(['settings.yaml']);
    expect(keys(result, 'settings.yaml')).toEqual([['accessKeyId', 2, 6, 26]]);
    expect(result.notifications.map((n) => n.code)).toEqual(['not-a-template']);
  });
});

describe('a scan that reads nothing', () => {
  const nothing = (result: ScanResult) => result.notifications.filter((n) => n.code === 'nothing-scanned');

  it('an empty folder: a warning that nothing was scanned', async () => {
    mkdirSync(path.join(dir, 'empty'));
    const result = await run(['empty']);
    expect(result.notifications).toEqual([
      {
        level: 'warning',
        code: 'nothing-scanned',
        message:
          'Nothing was scanned: no file found under the paths given (files git ignores, and untracked files in node_modules, cdk.out and .aws-sam, are left out)',
      },
    ]);
  });

  it('a folder of files that all are passed over: the warning, and the notes that say why', async () => {
    write('media/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    write('media/ignored.txt', 'x');
    write('media/.gitignore', 'ignored.txt\n.gitignore\n');
    const result = await run(['media']);
    expect(nothing(result)).toEqual([
      {
        level: 'warning',
        code: 'nothing-scanned',
        message:
          'Nothing was scanned: the one file found is not a template, an account snapshot or a text file mamori could read; the notes say what was passed over',
      },
    ]);
    expect(result.notifications).toContainEqual(expect.objectContaining({ code: 'skipped', files: ['media/logo.png'] }));
  });

  it('templates only, with none among the files: the warning; a text file checked for keys is a scan', async () => {
    write('src/app.py', 'print(1)\n');
    const templatesOnly = await scan({ paths: ['src'], cwd: dir, rules, secretsInAllFiles: false });
    expect(nothing(templatesOnly)).toEqual([
      { level: 'warning', code: 'nothing-scanned', message: 'Nothing was scanned: no template or account snapshot found under the paths given' },
    ]);
    expect(nothing(await run(['src']))).toEqual([]);
    expect(nothing(await run(['good.yaml']))).toEqual([]);
  });

  it('only links out of the scanned folder: the warning points at the notes that name them', async () => {
    mkdirSync(path.join(dir, 'links'));
    symlinkSync('/etc/passwd', path.join(dir, 'links', 'passwd'));
    const links = await run(['links']);
    expect(nothing(links).map((n) => n.message)).toEqual([
      'Nothing was scanned: no file found under the paths given (files git ignores, and untracked files in node_modules, cdk.out and .aws-sam, are left out); the notes say what was passed over',
    ]);
  });

  it('an input error already says the scan is incomplete: no warning besides it', async () => {
    const result = await run(['missing']);
    expect(result.notifications.map((n) => n.code)).toEqual(['path-not-found']);
  });
});

describe('files the user points at (configuration, parameters, baseline, rules) are read within a bound', () => {
  it('a device or a named pipe is refused at once, with the file and why', async () => {
    execFileSync('mkfifo', [path.join(dir, 'mamori.config.yaml')]);
    execFileSync('mkfifo', [path.join(dir, 'rules.yaml')]);
    await expect(loadConfig(path.join(dir, 'mamori.config.yaml'))).rejects.toThrow(/it is a named pipe \(FIFO\), not a regular file/);
    await expect(loadParameters('/dev/zero')).rejects.toThrow(/it is a device, not a regular file/);
    await expect(readBaseline('/dev/urandom')).rejects.toThrow(/it is a device, not a regular file/);
    await expect(loadDeclarativeRules(path.join(dir, 'rules.yaml'))).rejects.toThrow(/it is a named pipe \(FIFO\), not a regular file/);
  });

  it('a parameter file over the limit is refused without being read whole', async () => {
    const file = write('params.json', '{}');
    truncateSync(file, 100 * 1024 * 1024);
    const readAt = vi.spyOn(inputFs, 'readAt');
    await expect(loadParameters(file)).rejects.toThrow(/larger than mamori's 20\.0 MiB limit/);
    expect(readAt.mock.calls.reduce((sum, [, , , length]) => sum + length, 0)).toBeLessThanOrEqual(64 * 1024);
  });
});
