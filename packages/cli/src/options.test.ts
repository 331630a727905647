import { readFileSync } from 'node:fs';
import { REPORT_FORMATS, REPORTERS, SEVERITIES } from '@mamori/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from './main.js';
import { FAIL_ON, SCAN_SETTINGS } from './options.js';

const repo = new URL('../../../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, repo), 'utf8');

async function help(args: string[]): Promise<string> {
  let out = '';
  await main(args, { stdout: (t) => (out += t), stderr: () => undefined, cwd: process.cwd(), color: false });
  return out;
}

describe('the scan settings, defined once', () => {
  it("are action.yml's inputs: the same names in the same order, defaults and descriptions", () => {
    const inputs = (parse(read('action.yml')) as { inputs: Record<string, { description: string; required: boolean; default: string }> }).inputs;
    const expected = Object.fromEntries(
      SCAN_SETTINGS.flatMap((s) => (s.input ? [[s.input.name, { description: s.input.description, required: false, default: s.input.default }]] : [])),
    );
    // Folded scalars keep no line breaks; compared as words.
    const words = (o: typeof inputs) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { ...v, description: v.description.replace(/\s+/g, ' ').trim() }]));
    expect(Object.keys(inputs)).toEqual(Object.keys(expected));
    expect(words(inputs)).toEqual(words(expected));
  });

  it('offer the report formats of the registry and the levels of the model, on the command line and in the Action', async () => {
    expect(FAIL_ON).toEqual([...SEVERITIES, 'none']);
    // Help wraps its lines: compared as words.
    const scanHelp = (await help(['scan', '--help'])).replace(/\s+/g, ' ');
    expect(scanHelp).toContain(`(choices: ${REPORT_FORMATS.map((f) => `"${f}"`).join(', ')}, default: "stylish")`);
    expect(scanHelp).toContain(`(choices: ${FAIL_ON.map((f) => `"${f}"`).join(', ')}, default: "error")`);
    const inputs = (parse(read('action.yml')) as { inputs: Record<string, { description: string }> }).inputs;
    expect(inputs.format?.description).toContain(`(${REPORT_FORMATS.slice(0, -1).join(', ')} or ${REPORT_FORMATS.at(-1)})`);
  });

  it('are the options of both scan and baseline where both take them', async () => {
    const [scanHelp, baselineHelp] = [await help(['scan', '--help']), await help(['baseline', '--help'])];
    for (const s of SCAN_SETTINGS) {
      if (!s.option) continue;
      const line = (text: string) => text.split('\n').find((l) => l.trimStart().startsWith(s.option?.flags ?? ''));
      expect(line(scanHelp), s.option.flags).toContain(s.option.description.slice(0, 30));
      if (s.option.commands.includes('baseline')) expect(line(baselineHelp), s.option.flags).toContain(s.option.description.slice(0, 30));
      else expect(line(baselineHelp), s.option.flags).toBeUndefined();
    }
  });

  it('scan --help and the README describe every report format of the registry', async () => {
    const scanHelp = await help(['scan', '--help']);
    const readme = read('README.md');
    const reports = readme.slice(readme.indexOf('## Reports'), readme.indexOf('\n## ', readme.indexOf('## Reports') + 1));
    for (const [name, reporter] of Object.entries(REPORTERS)) {
      expect(scanHelp).toMatch(new RegExp(`^  ${name} +${reporter.description}$`, 'm'));
      expect(reports).toMatch(new RegExp(`^- \`${name}\``, 'm'));
    }
    expect(readme).toContain(`[--format ${REPORT_FORMATS.join('|')}]`);
  });

  it("are the README's table of Action inputs", () => {
    const readme = read('README.md');
    for (const s of SCAN_SETTINGS) {
      if (!s.input) continue;
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${s.input?.name}\``));
      expect(row, s.input.name).toBeDefined();
      if (s.choices) for (const c of s.choices) expect(row, s.input.name).toContain(`\`${c}\``);
    }
  });
});
