import { describe, expect, it } from 'vitest';
import { danglingMaps } from './packed.js';

const check = (files: Record<string, string>) => danglingMaps(Object.keys(files), (f) => files[f] ?? '');

describe('source maps in a package', () => {
  it('a map naming a source the package does not ship is dangling', () => {
    const map = JSON.stringify({ version: 3, sources: ['../src/scan.ts'], mappings: '' });
    expect(check({ 'dist/scan.js': 'x;\n//# sourceMappingURL=scan.js.map', 'dist/scan.js.map': map })).toEqual(['dist/scan.js.map -> src/scan.ts']);
    expect(check({ 'dist/scan.js': 'x;\n//# sourceMappingURL=scan.js.map', 'dist/scan.js.map': map, 'src/scan.ts': 'x' })).toEqual([]);
  });

  it('sourceRoot and inlined sources are followed', () => {
    const rooted = JSON.stringify({ version: 3, sourceRoot: '../../', sources: ['lib/a.ts'], mappings: '' });
    expect(check({ 'dist/x/a.js.map': rooted })).toEqual(['dist/x/a.js.map -> lib/a.ts']);
    const inlined = JSON.stringify({ version: 3, sources: ['../src/a.ts'], sourcesContent: ['export {}'], mappings: '' });
    expect(check({ 'dist/a.js.map': inlined })).toEqual([]);
  });

  it('a script or declaration naming a map that is not shipped is dangling', () => {
    expect(check({ 'dist/a.js': 'x;\n//# sourceMappingURL=a.js.map\n' })).toEqual(['dist/a.js -> dist/a.js.map']);
    expect(check({ 'dist/a.d.ts': 'export {};\n//# sourceMappingURL=a.d.ts.map' })).toEqual(['dist/a.d.ts -> dist/a.d.ts.map']);
    expect(check({ 'dist/a.js': 'x;' })).toEqual([]);
  });

  it('an inline map is checked for its sources', () => {
    const map = Buffer.from(JSON.stringify({ version: 3, sources: ['../src/a.ts'], mappings: '' })).toString('base64');
    expect(check({ 'dist/a.js': `x;\n//# sourceMappingURL=data:application/json;base64,${map}` })).toEqual(['dist/a.js -> src/a.ts']);
  });
});
