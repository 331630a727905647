import path from 'node:path';

interface SourceMap {
  sourceRoot?: string;
  sources?: (string | null)[];
  sourcesContent?: (string | null)[];
}

/** Sources a map names that neither the package holds nor the map carries itself, resolved from `dir`, the folder of the file holding the map. */
function missingSources(map: SourceMap, dir: string, held: ReadonlySet<string>): string[] {
  return (map.sources ?? []).flatMap((source, i) => {
    if (source === null || typeof map.sourcesContent?.[i] === 'string') return [];
    if (/^[a-z][a-z0-9+.-]*:/i.test(source)) return [source];
    const file = path.posix.normalize(path.posix.join(dir, map.sourceRoot ?? '', source));
    return held.has(file) ? [] : [file];
  });
}

/**
 * What a package's source maps point at and does not ship, as `from -> to`: a `.map` naming a
 * source file that is not in the package (without the source inlined), or a script or declaration
 * whose `sourceMappingURL` names a map that is not. `files` are paths relative to the package root.
 */
export function danglingMaps(files: readonly string[], read: (file: string) => string): string[] {
  const held = new Set(files);
  const out: string[] = [];
  for (const file of files) {
    const dir = path.posix.dirname(file);
    if (file.endsWith('.map')) {
      for (const missing of missingSources(JSON.parse(read(file)) as SourceMap, dir, held)) out.push(`${file} -> ${missing}`);
      continue;
    }
    if (!/\.(m|c)?js$|\.d\.(m|c)?ts$/.test(file)) continue;
    const url = /\/[/*][#@] sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/.exec(read(file))?.[1];
    if (!url) continue;
    const inline = /^data:application\/json(?:;charset=[^;,]+)?;base64,(.*)$/.exec(url);
    if (inline) {
      const map = JSON.parse(Buffer.from(inline[1] ?? '', 'base64').toString('utf8')) as SourceMap;
      for (const missing of missingSources(map, dir, held)) out.push(`${file} -> ${missing}`);
    } else {
      const map = path.posix.normalize(path.posix.join(dir, decodeURI(url)));
      if (!held.has(map)) out.push(`${file} -> ${map}`);
    }
  }
  return out;
}
