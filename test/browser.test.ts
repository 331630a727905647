import { describe, expect, it } from 'vitest';
import { browserPlan, isCI } from './browser.js';

const none = () => false;
const only = (file: string) => (f: string) => f === file;

describe('browser tests: run, skip or fail', () => {
  it('run on the browser found, CHROMIUM_PATH first', () => {
    expect(browserPlan({}, only('/usr/bin/chromium'))).toEqual({ run: true, executablePath: '/usr/bin/chromium' });
    expect(browserPlan({ CHROMIUM_PATH: '/opt/chrome' }, only('/opt/chrome'))).toEqual({ run: true, executablePath: '/opt/chrome' });
    expect(browserPlan({ CHROMIUM_PATH: '/opt/chrome', CI: 'true' }, only('/opt/chrome'))).toMatchObject({ run: true });
  });

  it('skip with the reason outside CI when there is no browser', () => {
    expect(browserPlan({}, none)).toEqual({ run: false, fail: false, reason: 'no browser at /usr/bin/chromium: install chromium or set CHROMIUM_PATH' });
    for (const CI of ['', 'false', '0', 'FALSE']) expect(browserPlan({ CI }, none)).toMatchObject({ run: false, fail: false });
    // CHROMIUM_PATH naming a missing file is not a browser.
    expect(browserPlan({ CHROMIUM_PATH: '/opt/chrome' }, only('/usr/bin/chromium'))).toMatchObject({
      run: false,
      fail: false,
      reason: expect.stringContaining('/opt/chrome'),
    });
  });

  it('fail in CI when there is no browser', () => {
    for (const CI of ['true', '1', 'TRUE', 'github']) {
      expect(browserPlan({ CI }, none)).toEqual({
        run: false,
        fail: true,
        reason: 'no browser at /usr/bin/chromium: install chromium or set CHROMIUM_PATH (required when CI is set)',
      });
    }
  });

  it('CI is any value but empty, false or 0', () => {
    expect([undefined, '', ' ', 'false', 'False', '0'].map((CI) => isCI({ CI }))).toEqual([false, false, false, false, false, false]);
    expect(['true', '1', 'yes', 'woodpecker'].map((CI) => isCI({ CI }))).toEqual([true, true, true, true]);
  });
});
