import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, findConfig, loadConfig, validateConfig } from './config.js';

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
    expect(() => validateConfig('m.json', { rule: {} })).toThrow(/^m\.json: \(top level\): must NOT have additional properties "rule"$/);
    expect(() => validateConfig('m.json', { suppressions: [{ rule: 'MAM101', arn: 'arn:aws:ec2:x' }] })).toThrow(
      /suppressions\.0: must have required property 'reason'/,
    );
    expect(() => validateConfig('m.json', { include: 'x' })).toThrow(/include: must be array/);
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
});
