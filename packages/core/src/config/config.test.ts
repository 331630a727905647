import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, findConfig, loadConfig } from './config.js';
import { validateConfig } from './validate.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('config', () => {
  it('is found from the working folder upward, in each format', async () => {
    const sub = path.join(dir, 'a', 'b');
    mkdirSync(sub, { recursive: true });
    expect(await findConfig(sub)).toBeUndefined();
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', mamori: { rules: { MAM101: 'warning' } } }));
    expect((await findConfig(sub))?.config).toEqual({ rules: { MAM101: 'warning' } });
    writeFileSync(path.join(dir, 'a', 'mamori.config.yaml'), 'rules:\n  world-open-ingress: off\n');
    expect(await findConfig(sub)).toMatchObject({ file: path.join(dir, 'a', 'mamori.config.yaml'), config: { rules: { 'world-open-ingress': 'off' } } });
    writeFileSync(path.join(sub, 'mamori.config.mjs'), "export default { exclude: ['legacy/**'] };\n");
    expect((await findConfig(sub))?.config).toEqual({ exclude: ['legacy/**'] });
  });

  it('a package.json without a mamori key is passed over', async () => {
    writeFileSync(path.join(dir, 'package.json'), '{"name": "x"}');
    writeFileSync(path.join(path.dirname(dir), 'unrelated.txt'), '');
    expect((await findConfig(dir))?.file).not.toBe(path.join(dir, 'package.json'));
  });

  it('errors name the file and the key', () => {
    expect(() => validateConfig('m.json', { rules: { MAM101: 'loud' } })).toThrow(ConfigError);
    expect(() => validateConfig('m.json', { rules: { MAM101: 'loud' } })).toThrow(
      /^m\.json: rules\.MAM101: must be equal to one of the allowed values: off, error, warning, note/,
    );
    expect(() => validateConfig('m.json', { rule: {} })).toThrow(/^m\.json: rule: unknown option \(did you mean rules\?\)$/);
    expect(() => validateConfig('m.json', { nonsense: {} })).toThrow(/^m\.json: nonsense: unknown option$/);
    expect(() => validateConfig('m.json', { suppressions: [{ rule: 'MAM101', arn: 'arn:aws:ec2:x' }] })).toThrow(
      /suppressions\.0: must have required property 'reason'/,
    );
    expect(() => validateConfig('m.json', { include: 'x' })).toThrow(/include: must be array/);
    expect(() => validateConfig('m.json', { parameters: 5 })).toThrow(/^m\.json: parameters: must be string; parameters: must be object$/);
    expect(() => validateConfig('m.json', { rules: { MAM101: { severit: 'off' } } })).toThrow(
      /^m\.json: rules\.MAM101\.severit: unknown option \(did you mean severity\?\)$/,
    );
    expect(() => validateConfig('m.json', { include: ['ok/**', '{a,b'] })).toThrow(/^m\.json: include\.1: glob has an unclosed "\{"$/);
    expect(() => validateConfig('m.json', { suppressions: [{ rule: 'MAM101', file: 'x\\', reason: 'r' }] })).toThrow(
      /^m\.json: suppressions\.0\.file: glob ends with an escape$/,
    );
  });

  it('stacks map stack names or globs to templates, each a path', () => {
    expect(validateConfig('m.json', { stacks: { 'shop-web-*': 'infra/web.yaml', legacy: 'old.yaml' } })).toEqual({
      stacks: { 'shop-web-*': 'infra/web.yaml', legacy: 'old.yaml' },
    });
    expect(() => validateConfig('m.json', { stacks: { web: 5 } })).toThrow(/^m\.json: stacks\.web: must be string$/);
    expect(() => validateConfig('m.json', { stacks: { web: '' } })).toThrow(/^m\.json: stacks\.web: must NOT have fewer than 1 characters$/);
    expect(() => validateConfig('m.json', { stacks: ['web.yaml'] })).toThrow(/^m\.json: stacks: must be object$/);
    expect(() => validateConfig('m.json', { stacks: { 'web-{a,b': 'web.yaml' } })).toThrow(/^m\.json: stacks\.web-\{a,b: glob has an unclosed "\{"$/);
  });

  it('every problem is in the one error, each with its key', () => {
    const config = {
      exclud: ['x'],
      include: ['{a,b'],
      rules: { MAM101: 'loud', MAM102: { severit: 'off' } },
      suppressions: [{ rule: 'MAM101', arn: 'arn:aws:ec2:x', reasn: 'r' }],
    };
    const problems = (() => {
      try {
        validateConfig('m.json', config);
      } catch (err) {
        return String((err as Error).message)
          .replace(/^m\.json: /, '')
          .split('; ');
      }
      return [];
    })();
    expect(problems).toEqual(
      expect.arrayContaining([
        'exclud: unknown option (did you mean exclude?)',
        'rules.MAM101: must be equal to one of the allowed values: off, error, warning, note',
        'rules.MAM102.severit: unknown option (did you mean severity?)',
        "suppressions.0: must have required property 'reason'",
        'suppressions.0.reasn: unknown option (did you mean reason?)',
        'include.0: glob has an unclosed "{"',
      ]),
    );
  });

  it('a broken file is a one-line error naming it', async () => {
    const file = path.join(dir, 'mamori.config.json');
    writeFileSync(file, '{"rules": ');
    await expect(loadConfig(file)).rejects.toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
  });

  it('accepts a full configuration', () => {
    const config = {
      rules: { MAM101: { severity: 'warning', options: { extraPorts: [8080] } }, 'instance-without-profile': 'off' },
      include: ['infra/**/*.yaml'],
      exclude: ['**/test/**'],
      parameters: { Env: 'prod', Replicas: 2 },
      suppressions: [{ rule: 'MAM701', arn: 'arn:aws:ec2:eu-west-1:123456789012:elastic-ip/eipalloc-*', reason: 'kept for a DNS cut-over' }],
      plugins: ['./rules/company.mjs'],
      declarativeRules: ['rules/tags.yaml'],
    };
    expect(validateConfig('m.json', config)).toEqual(config);
  });

  describe('from a checkout that is not trusted', () => {
    const untrusted = { allowCode: false, codeHint: 'set `trust-config: true`' };

    it('a JavaScript configuration is refused, naming it and what to set, and never runs', async () => {
      const marker = path.join(dir, 'ran');
      writeFileSync(
        path.join(dir, 'mamori.config.mjs'),
        `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'x');\nexport default {};\n`,
      );
      const refused = `${path.join(dir, 'mamori.config.mjs')}: is JavaScript, and running code from the scanned files is turned off; set \`trust-config: true\``;
      await expect(findConfig(dir, untrusted)).rejects.toThrow(refused);
      await expect(loadConfig(path.join(dir, 'mamori.config.mjs'), untrusted)).rejects.toThrow(refused);
      writeFileSync(path.join(dir, 'other.cjs'), 'module.exports = {};');
      await expect(loadConfig(path.join(dir, 'other.cjs'), untrusted)).rejects.toThrow(/other\.cjs: is JavaScript/);
      expect(existsSync(marker)).toBe(false);
      // Trusted (the command line's default), it runs.
      expect((await findConfig(dir))?.config).toEqual({});
      expect(existsSync(marker)).toBe(true);
    });

    it('plugins are refused; a data configuration with declarative rules loads', async () => {
      writeFileSync(path.join(dir, 'mamori.config.yaml'), 'plugins: [./evil.mjs]\n');
      await expect(findConfig(dir, untrusted)).rejects.toThrow(
        /mamori\.config\.yaml: plugins: \.\/evil\.mjs would be loaded as code, and running code from the scanned files is turned off/,
      );
      writeFileSync(path.join(dir, 'mamori.config.yaml'), 'declarativeRules: [rules.yaml]\nrules: {MAM101: warning}\n');
      expect((await findConfig(dir, untrusted))?.config).toEqual({ declarativeRules: ['rules.yaml'], rules: { MAM101: 'warning' } });
    });

    it('with within, files outside the folders are refused, links resolved, and the search stops there', async () => {
      const repo = path.join(dir, 'repo');
      mkdirSync(repo);
      writeFileSync(path.join(dir, 'secret.json'), '{"Key": "value"}');
      const within = { within: [repo] };
      writeFileSync(path.join(repo, 'mamori.config.json'), JSON.stringify({ parameters: '../secret.json' }));
      await expect(findConfig(repo, within)).rejects.toThrow(
        `${path.join(repo, 'mamori.config.json')}: parameters: ../secret.json is outside ${repo}; only files there are read`,
      );
      symlinkSync(path.join(dir, 'secret.json'), path.join(repo, 'params.json'));
      writeFileSync(path.join(repo, 'mamori.config.json'), JSON.stringify({ parameters: 'params.json', declarativeRules: ['rules.yaml'] }));
      await expect(findConfig(repo, within)).rejects.toThrow(`parameters: params.json is outside ${repo} (a link to ${path.join(dir, 'secret.json')})`);
      writeFileSync(path.join(repo, 'mamori.config.json'), JSON.stringify({ declarativeRules: ['../../etc/rules.yaml'] }));
      await expect(findConfig(repo, within)).rejects.toThrow(/declarativeRules: \.\.\/\.\.\/etc\/rules\.yaml is outside/);
      // A stack's template is read to place findings: one outside is refused as well.
      writeFileSync(path.join(repo, 'mamori.config.json'), JSON.stringify({ stacks: { 'web-*': '../secret.json' } }));
      await expect(findConfig(repo, within)).rejects.toThrow(`stacks.web-*: ../secret.json is outside ${repo}; only files there are read`);
      rmSync(path.join(repo, 'mamori.config.json'));
      symlinkSync(path.join(dir, 'secret.json'), path.join(repo, 'mamori.config.json'));
      await expect(findConfig(repo, within)).rejects.toThrow(/mamori\.config\.json: the configuration is outside/);
      rmSync(path.join(repo, 'mamori.config.json'));
      // A configuration above the folder is not the checkout's: it is not looked for.
      writeFileSync(path.join(dir, 'mamori.config.json'), '{}');
      expect(await findConfig(repo, within)).toBeUndefined();
      expect(await findConfig(repo)).toBeDefined();
    });
  });
});
