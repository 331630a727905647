import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const bundle = path.join(repo, 'dist', 'action', 'index.mjs');
let workspace: string;

/** Runs the committed bundle the way the runner does: inputs in INPUT_*, files for outputs and the summary. */
function runAction(inputs: Record<string, string>) {
  const output = path.join(workspace, `output-${Math.random().toString(36).slice(2)}`);
  const summary = path.join(workspace, `summary-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  // A different working folder proves paths are taken from GITHUB_WORKSPACE.
  const run = spawnSync(process.execPath, [bundle], { cwd: tmpdir(), env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(summary, 'utf8') };
}

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'mamori-action-'));
  cpSync(path.join(repo, 'examples', 'templates'), path.join(workspace, 'templates'), { recursive: true });
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the GitHub Action', () => {
  it('action.yml runs the committed bundle and declares the documented inputs and outputs', () => {
    const action = parse(readFileSync(path.join(repo, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: object; outputs: object };
    expect(action.runs.main).toBe('dist/action/index.mjs');
    expect(action.runs.using).toMatch(/^node\d+$/);
    expect(Object.keys(action.inputs).sort()).toEqual(['baseline', 'config', 'fail-on', 'format', 'parameters', 'paths', 'sarif-file']);
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'findings', 'notes', 'sarif-file', 'warnings']);
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
    // One annotation per finding, on its file and line, paths relative to the workspace.
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    expect(annotations).toHaveLength(results.length);
    expect(r.stdout).toMatch(
      /^::error file=templates\/bad\/web-stack\.yaml,line=26,col=19,endColumn=\d+,endLine=26,title=MAM101 world-open-ingress::Security group WebSecurityGroup allows SSH/m,
    );
    expect(r.summary).toMatch(/^## mamori\n\n❌ \d+ problems in \d+ scanned files\.\n/);
    expect(r.summary).toMatch(/\| Errors \| Warnings \| Notes \| Suppressed \| Estimated monthly waste \|/);
    expect(r.summary).toContain('`templates/bad/web-stack.yaml:26`');
    const levels = [...r.summary.matchAll(/^\| (error|warning|note) \|/gm)].map((m) => m[1]);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'note'].indexOf(a ?? '') - ['error', 'warning', 'note'].indexOf(b ?? '')));
  });

  it('passes with fail-on none, and on clean templates', () => {
    expect(runAction({ paths: 'templates/bad', 'fail-on': 'none' }).status).toBe(0);
    const clean = runAction({ paths: 'templates/good' });
    expect(clean.status).toBe(0);
    expect(clean.outputs.findings).toBe('0');
    expect(clean.summary).toMatch(/✅ No problems/);
  });

  it('a bad input is a workflow error and exit 2', () => {
    const r = runAction({ 'fail-on': 'sometimes' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^::error::mamori: fail-on must be error, warning, note or none, not "sometimes"/);
  });
});
