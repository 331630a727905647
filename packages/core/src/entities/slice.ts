import type { EntityKind, EntityMap } from '../model/entities.js';
import type { EntityBase } from '../model/entity.js';
import type { Notification } from '../model/finding.js';
import type { AccountSnapshot, RegionalResponses } from '../snapshot/format.js';
import type { Locator } from '../snapshot/locator.js';
import type { TemplateGraph } from '../template/resolution/graph.js';
import type { Resolver } from '../template/resolution/resolve.js';
import type { Template } from '../template/types.js';

/**
 * One entity kind, whole: how a template and how an account snapshot give it. The loaders run every
 * kind of the registry (`entities/index.ts`) through these; a kind only one input has leaves the
 * other out.
 */
export interface EntitySlice<K extends EntityKind> {
  kind: K;
  template?: TemplateExtractor<K>;
  snapshot?: (input: SnapshotInput) => EntityMap[K][];
}

export interface TemplateExtractor<K extends EntityKind> {
  /** What it reads, named in the error when it fails on a template: `security groups`. */
  what: string;
  /** Extracted only when a rule selects the kind (generic resources, for declarative and plugin rules). */
  onDemand?: true;
  extract: (input: TemplateInput) => EntityMap[K][];
}

/** One template, as every extractor reads it. */
export interface TemplateInput {
  readonly template: Template;
  readonly resolver: Resolver;
  /**
   * The template's references between resources. When they cannot be worked out (an error the
   * loader reports once), an extractor that reads them gives no entities.
   */
  readonly graph: TemplateGraph;
  /** Warnings and notes about what the template writes (a rule EC2 would refuse), for the scan's notifications. */
  readonly notifications: Notification[];
  /** The entities of another kind of the same template, extracted once; none when that kind's extractor failed. */
  of<K extends EntityKind>(kind: K): EntityMap[K][];
  /** A result several kinds read (the template's passwords), computed once per template. */
  once<T>(compute: (input: TemplateInput) => T): T;
}

/** One account snapshot, as every mapper reads it. */
export interface SnapshotInput {
  readonly snapshot: AccountSnapshot;
  /** Where a value of the snapshot file is, by its path of keys and indexes: each entity is located at its identifier. */
  readonly loc: Locator;
  readonly account: string;
  readonly partition: string;
  /** When the account was read; every entity carries it (ages are measured from it). */
  readonly observedAt: string;
  /** Each region's responses, in the snapshot's order. */
  regions(): [string, RegionalResponses][];
  /** Whether a call failed (for a resource, or as a whole; a region that failed entirely fails every call in it). */
  didFail(service: string, region: string, operation: string, resource?: string): boolean;
  /** The fields every snapshot entity has after its `kind` and `id`. */
  base(region: string | undefined): Pick<EntityBase, 'source' | 'observedAt' | 'region'>;
  /** An EC2 resource's ARN. */
  ec2Arn(region: string, type: string, id: string): string;
  /** The entities of another kind of the same snapshot, mapped once (a database's security groups are the same objects). */
  of<K extends EntityKind>(kind: K): EntityMap[K][];
  /** A result several kinds read (the credential report), computed once per snapshot. */
  once<T>(compute: (input: SnapshotInput) => T): T;
}
