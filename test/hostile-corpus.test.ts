import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyFindingFixes, scanText } from '@mamori/core';
import { rules, scan } from '@mamori/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileTemplates } from '../scripts/bench-corpus.mjs';

// The bench's hostile templates, at a twentieth of their size: each is read whole and said to be
// incomplete where it is, never slow, silent or fatal (speed itself is measured by the bench).
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-hostile-corpus-'));
  for (const [name, text] of Object.entries(hostileTemplates(0.05))) writeFileSync(path.join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the hostile bench corpus, small', () => {
  it('is scanned whole: findings where they are, notes and warnings where the scan stops short', async () => {
    const result = await scan({ paths: ['.'], cwd: dir, secretsInAllFiles: false });
    expect(result.files).toEqual(['fixes.json', 'fixes.yaml', 'foreach.yaml', 'if-nest.yaml', 'lookups.yaml', 'tokens.yaml']);
    expect(result.notifications.filter((n) => n.level === 'error')).toEqual([]);
    const about = (file: string) => result.notifications.filter((n) => n.file === file).map((n) => `${n.level} ${n.code}`);
    // SSH from the world when every one of 40 conditions is false.
    expect(result.findings.filter((f) => f.location.file === 'if-nest.yaml').map((f) => f.ruleId)).toEqual(['MAM101']);
    expect(result.notifications.filter((n) => n.file === 'if-nest.yaml' && n.code === 'not-evaluated').map((n) => n.message.split(' ')[0])).toEqual([
      'Sg0/Properties/SecurityGroupIngress/1/CidrIp',
      'Sg0/Properties/SecurityGroupIngress/2/CidrIp',
    ]);
    expect(about('foreach.yaml')).toContain('warning not-expanded');
    // Every reference to the key's secret in the 20,000-fold Fn::Sub is found, each at its own column.
    expect(new Set(result.findings.filter((f) => f.ruleId === 'MAM203').map((f) => f.location.column)).size).toBe(20_000);
    expect(result.findings.some((f) => f.location.file === 'tokens.yaml')).toBe(true);
    // Every one of many fixable findings in a file gets its fix, and they make one template together.
    for (const [file, rule] of [
      ['fixes.json', 'MAM601'],
      ['fixes.yaml', 'MAM101'],
    ] as const) {
      const fixable = result.findings.filter((f) => f.location.file === file && f.ruleId === rule);
      expect(fixable).toHaveLength(250);
      expect(fixable.filter((f) => f.fix?.replacements && f.fix.replacements.length > 0)).toHaveLength(250);
      const text = readFileSync(path.join(dir, file), 'utf8');
      const fixed = applyFindingFixes(file, text, fixable);
      expect(fixed.refused).toEqual([]);
      const again = await scanText({ file, text: fixed.output, rules });
      expect(again.findings.filter((f) => f.ruleId === rule)).toEqual([]);
    }
  });
});
