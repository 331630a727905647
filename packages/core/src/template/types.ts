import type { Notification } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';
import type { LineIndex } from './parsing/line-index.js';
import type { CfnMap, CfnNode } from './parsing/node.js';

export interface TemplateParameter {
  name: string;
  node: CfnMap;
  type?: string;
  default?: CfnNode;
  noEcho: boolean;
  loc: SourceLocation;
}

export interface TemplateResource {
  logicalId: string;
  type: string;
  node: CfnMap;
  properties?: CfnMap;
  metadata?: CfnMap;
  condition?: string;
  loc: SourceLocation;
}

/** A CloudFormation or SAM template, read with positions. */
export interface Template {
  file: string;
  text: string;
  index: LineIndex;
  /** The document, with `Fn::ForEach` loops expanded (their copies keep the loop body's positions). */
  root: CfnMap;
  parameters: Map<string, TemplateParameter>;
  resources: Map<string, TemplateResource>;
  mappings?: CfnMap;
  conditions?: CfnMap;
  /** `AWS::Serverless-2016-10-31` and friends, from `Transform`. */
  transforms: string[];
  /**
   * Text that another tool replaces before CloudFormation reads the template (Serverless Framework
   * variables, `\${ssm:/db/password}`): a string containing it is not known, never a literal.
   */
  variables?: RegExp;
  /** For a Serverless Framework service file, the whole document (the template is its `resources`). */
  serverless?: CfnMap;
  /** Notes about reading it, e.g. a `Fn::ForEach` loop that could not be expanded. */
  notifications?: Notification[];
}

export interface BuildOptions {
  /** Parameter values given at deploy time, used to expand `Fn::ForEach` over a list parameter. */
  parameters?: Readonly<Record<string, string>>;
}
