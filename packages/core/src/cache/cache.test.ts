import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '@mamori/rules';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedConfig } from '../config/config.js';
import { inputFs } from '../files/input-fs.js';
import { toJson } from '../reporters/json.js';
import { toSarif } from '../reporters/sarif.js';
import { type ScanOptions, type ScanResult, scan } from '../scan.js';

// mamori's version, changeable by a test: a new version must not reuse an older one's results.
const version = vi.hoisted(() => ({ value: '1.0.0' }));
vi.mock('../version.js', async (original) => ({
  ...(await original<typeof import('../version.js')>()),
  get VERSION() {
    return version.value;
  },
}));

const SECRET = ['q3Xv9LmT2rBfK8wZpN4s', 'Yd7HcJ1eGuA6oVtR0kWi'].join('');
const repo = fileURLToPath(new URL('../../../..', import.meta.url));
const base = mkdtempSync(path.join(tmpdir(), 'mamori-cache-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let dir: string;
let n = 0;
beforeEach(() => {
  version.value = '1.0.0';
  dir = path.join(base, `t${n++}`);
  mkdirSync(dir);
  cpSync(path.join(repo, 'examples', 'templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(path.join(repo, 'examples', 'snapshot'), path.join(dir, 'snapshot'), { recursive: true });
  // Notifications of several kinds, a key in a text file, a binary file, an in-template suppression.
  writeFileSync(path.join(dir, 'templates', 'broken.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n");
  writeFileSync(path.join(dir, 'notes.txt'), `deploy key ${['AKIA', 'Z7QXW4LM2RTB6NHE'].join('')}\naws_secret_access_key = ${SECRET}\n`);
  writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(
    path.join(dir, 'templates', 'suppressed.yaml'),
    'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n      mamori:\n        suppress: [{rule: MAM101, reason: bastion}]\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n',
  );
});

const cacheFile = (): string => path.join(dir, '.mamoricache');
const run = (options: Partial<ScanOptions> = {}): Promise<ScanResult> => scan({ paths: ['.'], cwd: dir, rules, workers: 0, ...options });
const cached = (options: Partial<ScanOptions> = {}): Promise<ScanResult> => run({ cache: true, ...options });
const reports = (r: ScanResult): { json: string; sarif: string } => ({ json: toJson(r), sarif: JSON.stringify(toSarif(r), null, 2) });
/** An uncached scan of the folder as it is now, with the cache file (mamori's own, left out by a cached scan) moved away. */
async function reference(options: Partial<ScanOptions> = {}): Promise<{ json: string; sarif: string }> {
  const aside = path.join(base, `aside-${n}`);
  const had = existsSync(cacheFile());
  if (had) cpSync(cacheFile(), aside);
  rmSync(cacheFile(), { force: true });
  const r = reports(await run(options));
  if (had) cpSync(aside, cacheFile());
  return r;
}
const entries = (): Record<string, { digest: string; outcome: { findings: unknown[] } }> =>
  (JSON.parse(readFileSync(cacheFile(), 'utf8')) as { files: Record<string, { digest: string; outcome: { findings: unknown[] } }> }).files;

describe('scan cache', () => {
  it('gives the bytes of an uncached scan: cold, warm, after a change, a deletion, an addition', async () => {
    const uncached = await reference();
    const cold = await cached();
    expect(cold.cache).toMatchObject({ reused: 0, file: cacheFile() });
    expect(reports(cold)).toEqual(uncached);
    const warm = await cached();
    // Every file read in the cold scan, the cache file left out.
    expect(warm.cache).toMatchObject({ reused: cold.cache?.checked, checked: 0 });
    expect(warm.files.length).toBeGreaterThan(10);
    expect(reports(warm)).toEqual(uncached);
    const json = JSON.parse(uncached.json) as { findings: { suppression?: unknown }[]; notifications: { code: string }[] };
    expect(json.findings.some((f) => f.suppression)).toBe(true);
    expect(new Set(json.notifications.map((x) => x.code))).toEqual(new Set(['parse-error', 'not-evaluated', 'skipped']));

    // One file changed: it alone is read again.
    const web = path.join(dir, 'templates', 'bad', 'web-stack.yaml');
    writeFileSync(web, readFileSync(web, 'utf8').replace('0.0.0.0/0', '10.0.0.0/8'));
    const changed = await cached();
    expect(changed.cache).toMatchObject({ checked: 1 });
    expect(reports(changed)).toEqual(await reference());
    expect(reports(changed)).not.toEqual(uncached);

    rmSync(path.join(dir, 'templates', 'bad', 'web-stack.yaml'));
    const deleted = await cached();
    expect(deleted.cache).toMatchObject({ checked: 0 });
    expect(reports(deleted)).toEqual(await reference());
    expect(Object.keys(entries())).not.toContain('templates/bad/web-stack.yaml');

    writeFileSync(path.join(dir, 'templates', 'added.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
    const added = await cached();
    expect(added.cache).toMatchObject({ checked: 1 });
    expect(reports(added)).toEqual(await reference());
  });

  it('starts afresh when the configuration, a rule option, the region, the language, the parameters or the version change', async () => {
    const config = (rulesSetting: LoadedConfig['config']['rules']): LoadedConfig => ({
      config: { rules: rulesSetting ?? {} },
      file: path.join(dir, 'mamori.config.json'),
      dir,
    });
    const variants: [string, Partial<ScanOptions>][] = [
      ['configuration', { config: config({ 'world-open-ingress': 'note' }) }],
      ['rule option', { config: config({ 'iam-access-key-not-rotated': { options: { days: 3000 } } }) }],
      ['region', { region: 'ap-northeast-1' }],
      ['language', { lang: 'ja' }],
      ['parameters', { parameters: { AdminCidr: '10.0.0.0/8' } }],
      ['rules', { rules: rules.filter((r) => r.id !== 'MAM101') }],
    ];
    await cached();
    for (const [what, options] of variants) {
      const r = await cached(options);
      expect(r.cache?.reused, what).toBe(0);
      expect(reports(r), what).toEqual(await reference(options));
      // And back: the first settings' results are not mixed with these.
      const back = await cached();
      expect(back.cache?.reused, what).toBe(0);
    }
    version.value = '1.0.1';
    const upgraded = await cached();
    expect(upgraded.cache?.reused).toBe(0);
    expect(reports(upgraded)).toEqual(await reference());
  });

  it('the content strategy reads every file and reuses those of the same digest', async () => {
    await cached({ cacheStrategy: 'content' });
    const web = path.join(dir, 'templates', 'bad', 'web-stack.yaml');
    const text = readFileSync(web, 'utf8');
    // Same size, same times: only the content tells.
    const { mtime } = lstatSync(web);
    writeFileSync(web, text.replace('0.0.0.0/0', '0.0.0.0/1'));
    utimesSync(web, mtime, mtime);
    const r = await cached({ cacheStrategy: 'content' });
    expect(r.cache).toMatchObject({ checked: 1, strategy: 'content' });
    expect(reports(r)).toEqual(await reference());
  });

  it('the metadata strategy checks the content of a file whose times changed, and of one changed just before they were recorded', async () => {
    await cached();
    const web = path.join(dir, 'templates', 'bad', 'web-stack.yaml');
    const text = readFileSync(web, 'utf8');
    writeFileSync(web, text.replace('0.0.0.0/0', '0.0.0.0/1'));
    const changed = await cached();
    expect(changed.cache).toMatchObject({ checked: 1 });
    expect(reports(changed)).toEqual(await reference());
    // New times, same content: reused, by its digest.
    const later = new Date(Date.now() + 60_000);
    utimesSync(web, later, later);
    expect((await cached()).cache).toMatchObject({ checked: 0 });

    // Times as a coarse clock leaves them: the same before and after a change of the same size.
    const fstat = inputFs.fstat;
    const frozen = (t: number) => vi.spyOn(inputFs, 'fstat').mockImplementation((fd) => Object.assign(fstat(fd), { mtimeMs: t, ctimeMs: t }));
    frozen(Date.now() - 500);
    await cached();
    writeFileSync(web, text.replace('0.0.0.0/0', '0.0.0.0/2'));
    // Changed 500 ms before the run that recorded it: its times cannot vouch for it, its content is read.
    const racy = await cached();
    expect(racy.cache).toMatchObject({ checked: 1 });
    expect(reports(racy)).toEqual(await reference());
    vi.restoreAllMocks();
  });

  it('never lets an entry speak for content it was not made from', async () => {
    await cached();
    const files = entries();
    const web = 'templates/bad/web-stack.yaml';
    expect(files[web]?.outcome.findings.length).toBeGreaterThan(0);
    // An entry emptied of its findings, for other content.
    const doctored = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { files: Record<string, { digest: string; outcome: { findings: unknown[] } }> };
    const entry = doctored.files[web];
    if (!entry) throw new Error('no entry');
    entry.outcome.findings = [];
    entry.digest = '0'.repeat(64);
    writeFileSync(cacheFile(), JSON.stringify(doctored));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, web), later, later);
    const r = await cached();
    expect(r.cache?.checked).toBe(1);
    expect(reports(r)).toEqual(await reference());
  });

  describe('a cache file that is not right is as if there were none', () => {
    const hostile: [string, () => void, RegExp | undefined][] = [
      ['truncated', () => writeFileSync(cacheFile(), readFileSync(cacheFile()).subarray(0, 5000)), /not valid JSON/],
      ['not JSON', () => writeFileSync(cacheFile(), '{"mamoriCache":5, nonsense'), /not valid JSON/],
      ['another format', () => writeFileSync(cacheFile(), readFileSync(cacheFile(), 'utf8').replace('{"mamoriCache":5', '{"mamoriCache":99')), undefined],
      ['wrong shape', () => writeFileSync(cacheFile(), '{"mamoriCache":5,"key":"x","files":[]}'), /not shaped/],
      [
        'an entry with a finding already suppressed',
        () =>
          writeFileSync(
            cacheFile(),
            readFileSync(cacheFile(), 'utf8').replace('"fingerprint":', '"suppression":{"kind":"external","justification":"x","via":"config"},"fingerprint":'),
          ),
        /not shaped/,
      ],
      [
        "an entry with another file's finding",
        () =>
          writeFileSync(
            cacheFile(),
            readFileSync(cacheFile(), 'utf8').replace('"location":{"file":"templates/bad/web-stack.yaml"', '"location":{"file":"templates/other.yaml"'),
          ),
        /other files/,
      ],
      [
        'a prototype key',
        () => writeFileSync(cacheFile(), readFileSync(cacheFile(), 'utf8').replace('"files":{', '"files":{"__proto__":{"x":1},')),
        /not shaped/,
      ],
    ];
    for (const [what, spoil, problem] of hostile) {
      it(what, async () => {
        const uncached = await reference();
        await cached();
        spoil();
        const r = await cached();
        expect(r.cache?.reused).toBe(0);
        if (problem) expect(r.cache?.problem).toMatch(problem);
        else expect(r.cache?.problem).toBeUndefined();
        expect(reports(r)).toEqual(uncached);
        // Rebuilt.
        expect((await cached()).cache?.reused).toBe(r.cache?.checked);
      });
    }

    it('a huge one is scanned as any other file (and said too large to check), then rebuilt', async () => {
      await cached();
      truncateSync(cacheFile(), 300 * 1024 * 1024);
      const uncached = reports(await run());
      const r = await cached();
      expect(r.cache).toMatchObject({ reused: 0, problem: expect.stringMatching(/over 256\.0 MiB; rebuilt/) });
      expect(r.notifications.find((x) => x.file === '.mamoricache')?.message).toMatch(/^Not checked for keys: 314,572,800 bytes/);
      expect(reports(r)).toEqual(uncached);
      expect((await cached()).cache?.reused).toBe((r.cache?.checked ?? 0) - 1);
      // A huge file that is not a cache is left as it is.
      writeFileSync(cacheFile(), 'x');
      truncateSync(cacheFile(), 300 * 1024 * 1024);
      expect((await cached()).cache?.problem).toMatch(/not a mamori cache/);
      expect(lstatSync(cacheFile()).size).toBe(300 * 1024 * 1024);
    });

    it('a file there that is not a cache is scanned as any other and left as it is', async () => {
      writeFileSync(cacheFile(), `my notes ${['AKIA', 'Z7QXW4LM2RTB6NHF'].join('')}\n`);
      const r = await cached();
      expect(r.cache?.problem).toMatch(/not a mamori cache/);
      expect(r.findings.some((f) => f.location.file === '.mamoricache')).toBe(true);
      expect(readFileSync(cacheFile(), 'utf8')).toMatch(/^my notes/);
      expect(reports(r)).toEqual(reports(await run()));
    });

    it("a cache holding an AWS key is not mamori's: the key is found, then the cache rebuilt", async () => {
      await cached();
      writeFileSync(cacheFile(), readFileSync(cacheFile(), 'utf8').replace('"files":{', `"files":{"x":"${['AKIA', 'Z7QXW4LM2RTB6NHG'].join('')}",`));
      const r = await cached();
      expect(r.cache?.problem).toMatch(/AWS key/);
      expect(r.findings.some((f) => f.location.file === '.mamoricache')).toBe(true);
      expect((await cached()).findings.some((f) => f.location.file === '.mamoricache')).toBe(false);
    });

    it('a symbolic link is neither followed nor replaced', async () => {
      const target = path.join(base, `target-${n}`);
      writeFileSync(target, 'precious');
      symlinkSync(target, cacheFile());
      const r = await cached({ paths: ['templates'] });
      expect(r.cache?.problem).toMatch(/symbolic link/);
      expect(reports(r)).toEqual(reports(await run({ paths: ['templates'] })));
      expect(readFileSync(target, 'utf8')).toBe('precious');
      expect(lstatSync(cacheFile()).isSymbolicLink()).toBe(true);
    });

    it('a cache that cannot be written is said, and the scan is the same', async () => {
      mkdirSync(path.join(dir, 'ro'));
      writeFileSync(path.join(dir, 'ro', 'x'), '');
      const r = await cached({ cacheLocation: 'ro/x/cache' });
      expect(r.cache?.problem).toMatch(/not written: a folder on its path is a file/);
      expect(reports(r)).toEqual(await reference());
    });
  });

  it('a folder as location keeps .mamoricache in it; nothing raw is written', async () => {
    mkdirSync(path.join(dir, 'cache'));
    const r = await cached({ cacheLocation: 'cache' });
    expect(r.cache?.file).toBe(path.join(dir, 'cache', '.mamoricache'));
    const text = readFileSync(path.join(dir, 'cache', '.mamoricache'), 'utf8');
    expect(text).toContain('notes.txt');
    expect(text).not.toContain('Z7QXW4LM2RTB6NHE');
    expect(text).not.toContain(SECRET.slice(4, -4));
    expect((JSON.parse(text) as { files: Record<string, { outcome: { findings: unknown[] } }> }).files['notes.txt']?.outcome.findings).toHaveLength(2);
  });
});
