import type { SourceLocation } from './location.js';

/** Where an entity was read from. */
export type EntitySource = 'template' | 'snapshot';

/** What every entity carries: its identity, where it came from and where it is, and its name for messages. */
export interface EntityBase {
  /** Stable identity within one scan: a template's `file#LogicalId`, or an ARN. */
  id: string;
  source: EntitySource;
  location: SourceLocation;
  /** Human name used in messages: a logical id, a group name, an ARN's short form. */
  displayName: string;
  /** Region the entity lives in, when known (always for snapshot entities of regional services). */
  region?: string;
  /** Template values reached through parameters or conditions, e.g. `when condition IsDev is true`. */
  via?: string[];
  /** Where individual fields are written, keyed by field name, so a finding can point at the exact value. */
  fieldLocations?: Partial<Record<string, SourceLocation>>;
  /** Per-field `via`, for entities whose fields depend on different parameters or conditions. */
  fieldVia?: Partial<Record<string, string[]>>;
  /** For snapshot entities: when the account was read (ISO 8601). Ages such as "unused for 90 days" are measured from it. */
  observedAt?: string;
  /**
   * Values given at deploy time to the template's `NoEcho` parameters: the engine masks them as
   * `****` in everything a finding on this entity says (message, data, properties, names).
   */
  noEchoValues?: readonly string[];
  /** For snapshot entities CloudFormation made: the stack and logical id its `aws:cloudformation:*` tags name. */
  stack?: StackRef;
}

/** The CloudFormation stack a live resource belongs to, from the tags CloudFormation puts on what it creates. */
export interface StackRef {
  /** `aws:cloudformation:stack-name`. */
  name: string;
  /** `aws:cloudformation:logical-id`: the resource's logical id in the stack's template. */
  logicalId: string;
  /** `aws:cloudformation:stack-id`: the stack's ARN, when tagged. */
  id?: string;
}

/**
 * Where a template sets one setting of an entity, for findings that point at the value. When a value
 * depends on parameters or conditions the entity holds the least safe candidate and `via` says when.
 * Snapshot entities leave it out: their settings are located at the entity.
 */
export interface SettingSource {
  location: SourceLocation;
  /** The template does not write the setting: the value is the one AWS applies by default. */
  defaulted?: boolean;
  /** The value is taken from another resource of the template, e.g. a read replica's source instance. */
  inheritedFrom?: string;
  via?: string[];
}
