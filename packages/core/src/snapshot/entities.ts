import { ENTITY_SLICES } from '../entities/index.js';
import type { SnapshotInput } from '../entities/slice.js';
import type { Entity, EntityKind, EntityMap } from '../model/entities.js';
import type { EntityBase } from '../model/entity.js';
import type { Notification } from '../model/finding.js';
import { append } from '../util/append.js';
import type { AccountSnapshot, RegionalResponses } from './format.js';
import type { Locator } from './locator.js';

/**
 * Everything the rules can read from a snapshot, each entity carrying its ARN and located at the value
 * that names it in the file (`GroupId`, `UserName`, `AccessKeyId`, ...), so a report shows that line.
 * Every kind of the registry that a snapshot gives is mapped, in the registry's order.
 */
export function snapshotEntities(snapshot: AccountSnapshot, locator: Locator, file: string): { entities: Entity[]; notifications: Notification[] } {
  const input = new SnapshotMapping(snapshot, locator);
  const entities: Entity[] = [];
  const notifications: Notification[] = [];
  for (const slice of Object.values(ENTITY_SLICES)) {
    if (!slice.snapshot) continue;
    // A mapper that fails on a strange snapshot costs its kind (and the kinds built on it), said as an error, never the others.
    try {
      append(entities, input.of(slice.kind));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      notifications.push({
        level: 'error',
        code: 'internal-error',
        file,
        message: `Cannot read the ${slice.kind} entities of the account snapshot (internal error: ${why}): the rules about them are not evaluated`,
      });
    }
  }
  return { entities, notifications };
}

class SnapshotMapping implements SnapshotInput {
  readonly account: string;
  readonly partition: string;
  readonly observedAt: string;
  private readonly failed: Set<string>;
  private readonly mapped = new Map<EntityKind, Entity[] | 'mapping' | { failed: unknown }>();
  private readonly shared = new Map<(input: SnapshotInput) => unknown, unknown>();

  constructor(
    readonly snapshot: AccountSnapshot,
    readonly loc: Locator,
  ) {
    this.account = snapshot.accountId;
    this.partition = snapshot.partition ?? 'aws';
    this.observedAt = snapshot.collectedAt;
    this.failed = new Set(snapshot.errors.map((e) => failKey(e.service, e.region, e.operation, e.resource)));
  }

  didFail(service: string, region: string, operation: string, resource?: string): boolean {
    return (
      this.failed.has(failKey(service, region, operation, resource)) ||
      this.failed.has(failKey(service, region, operation)) ||
      this.failed.has(failKey('*', region, '*')) ||
      this.failed.has(failKey(service, region, '*'))
    );
  }

  regions(): [string, RegionalResponses][] {
    return Object.entries(this.snapshot.regional);
  }

  base(region: string | undefined): Pick<EntityBase, 'source' | 'observedAt' | 'region'> {
    return { source: 'snapshot', observedAt: this.observedAt, ...(region ? { region } : {}) };
  }

  ec2Arn(region: string, type: string, id: string): string {
    // Joined, not concatenated: one flat string rather than a chain of pieces, kept by tens of thousands of entities.
    return ['arn:', this.partition, ':ec2:', region, ':', this.account, ':', type, '/', id].join('');
  }

  of<K extends EntityKind>(kind: K): EntityMap[K][] {
    const known = this.mapped.get(kind);
    if (known === 'mapping') throw new Error(`entity kind ${kind} is mapped from itself`);
    if (known && 'failed' in known) throw known.failed;
    if (known) return known as EntityMap[K][];
    this.mapped.set(kind, 'mapping');
    try {
      const mapped = ENTITY_SLICES[kind].snapshot?.(this) ?? [];
      this.mapped.set(kind, mapped);
      return mapped;
    } catch (err) {
      this.mapped.set(kind, { failed: err });
      throw err;
    }
  }

  once<T>(compute: (input: SnapshotInput) => T): T {
    if (!this.shared.has(compute)) this.shared.set(compute, compute(this));
    return this.shared.get(compute) as T;
  }
}

function failKey(service: string, region: string, operation: string, resource?: string): string {
  return JSON.stringify([service, region, operation, resource ?? null]);
}
