// Checks each package entry point's exported API against its report in api/<name>.api.md (made by
// API Extractor from the built .d.ts, so it runs after the build). `--local` rewrites the reports
// instead: run it (`pnpm run api`) after changing an export, and commit the reports with the change.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('..', import.meta.url));
const localBuild = process.argv.includes('--local');

/** Report name, package folder under packages/, entry .d.ts relative to that folder. */
const ENTRY_POINTS = [
  ['core', 'core', 'dist/index.d.ts'],
  ['core-formats', 'core', 'dist/reporters/formats.d.ts'],
  ['core-internal', 'core', 'dist/internal.d.ts'],
  ['rules', 'rules', 'dist/index.d.ts'],
  ['collector', 'collector', 'dist/index.d.ts'],
  ['rule-tester', 'rule-tester', 'dist/index.d.ts'],
  ['cli', 'cli', 'dist/index.d.ts'],
];

if (localBuild) mkdirSync(path.join(root, 'api'), { recursive: true });
const base = ExtractorConfig.loadFile(path.join(root, 'api-extractor.json'));
let failed = 0;
for (const [name, pkg, entry] of ENTRY_POINTS) {
  const projectFolder = path.join(root, 'packages', pkg);
  const config = ExtractorConfig.prepare({
    configObject: {
      ...base,
      projectFolder,
      mainEntryPointFilePath: path.join(projectFolder, entry),
      apiReport: { ...base.apiReport, reportFileName: `${name}.api.md` },
    },
    configObjectFullPath: path.join(root, 'api-extractor.json'),
    packageJsonFullPath: path.join(projectFolder, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild, showVerboseMessages: false });
  if (!result.succeeded) {
    failed++;
    console.error(
      result.apiReportChanged && !localBuild
        ? `api/${name}.api.md differs from the exported API: run \`pnpm run api\` and commit the report if the change is meant`
        : `api/${name}.api.md: ${result.errorCount} errors, ${result.warningCount} warnings`,
    );
  }
}
if (failed > 0) process.exitCode = 1;
