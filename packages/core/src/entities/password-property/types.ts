import type { EntityBase } from '../../model/entity.js';

/** A property that holds a password (`MasterUserPassword`, `LoginProfile.Password`, an environment variable `DB_PASSWORD`, ...). */
export interface PasswordProperty extends EntityBase {
  kind: 'PasswordProperty';
  resourceType: string;
  property: string;
  /** A literal value in the template (or a parameter default) rather than a NoEcho parameter or dynamic reference. */
  literal: boolean;
  /** Where the value comes from; `literal` is true for `literal`, `mapping` and `parameter-default`. */
  valueSource?: PasswordValueSource;
  /** The parameter the value is taken from, for `parameter-default`, `parameter` and `noecho-parameter`. */
  parameter?: string;
  /**
   * For an environment variable (`Environment.Variables` of a function, a container's `Environment`),
   * its name: it is a password because its name says so (`DB_PASSWORD`, `API_TOKEN`), or because its
   * value is a URL with a password in it.
   */
  variable?: string;
}

/** Where a password property's value comes from: a literal, a mapping, a parameter (with or without `NoEcho`) and so on. */
export type PasswordValueSource =
  | 'literal'
  | 'mapping'
  | 'parameter-default'
  | 'parameter'
  | 'noecho-parameter'
  | 'plaintext-ssm'
  | 'secure-reference'
  | 'managed'
  | 'unknown';
