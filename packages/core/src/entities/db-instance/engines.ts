import type { DbInstance } from './types.js';

interface EngineFamily {
  test: RegExp;
  label: string;
  port: number;
}

/** RDS engine names (`Engine`, `DescribeDBInstances`) by family, with the port each listens on unless told otherwise. */
const FAMILIES: readonly EngineFamily[] = [
  { test: /^aurora-postgresql$/, label: 'Aurora PostgreSQL', port: 5432 },
  { test: /^aurora(-mysql)?$/, label: 'Aurora MySQL', port: 3306 },
  { test: /^mysql$/, label: 'MySQL', port: 3306 },
  { test: /^mariadb$/, label: 'MariaDB', port: 3306 },
  { test: /^postgres(ql)?$/, label: 'PostgreSQL', port: 5432 },
  { test: /^(custom-)?oracle-/, label: 'Oracle', port: 1521 },
  { test: /^(custom-)?sqlserver-/, label: 'SQL Server', port: 1433 },
  { test: /^db2-/, label: 'Db2', port: 50000 },
  { test: /^docdb$/, label: 'DocumentDB', port: 27017 },
  { test: /^neptune$/, label: 'Neptune', port: 8182 },
];

function family(engine: string | undefined): EngineFamily | undefined {
  const e = engine?.trim().toLowerCase();
  return e ? FAMILIES.find((f) => f.test.test(e)) : undefined;
}

/** The port an engine listens on when `Port` is not given. */
export function engineDefaultPort(engine: string | undefined): number | undefined {
  return family(engine)?.port;
}

/** A readable engine name for messages: `MySQL`, `PostgreSQL`; the raw name when unknown. */
export function engineLabel(engine: string | undefined): string {
  return family(engine)?.label ?? engine ?? 'database';
}

/**
 * Aurora, DocumentDB, Neptune and Multi-AZ DB cluster members: the cluster decides availability,
 * encryption and backups, not the instance.
 */
export function isClusterMember(db: Pick<DbInstance, 'clusterId' | 'engine'>): boolean {
  if (db.clusterId !== undefined) return true;
  const e = db.engine?.toLowerCase() ?? '';
  return e.startsWith('aurora') || e === 'docdb' || e === 'neptune';
}
