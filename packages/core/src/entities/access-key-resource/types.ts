import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** An `AWS::IAM::AccessKey` resource and the places its secret is handed out in clear text. */
export interface AccessKeyResource extends EntityBase {
  kind: 'AccessKeyResource';
  userName?: string;
  secretExposures: { where: string; location: SourceLocation }[];
}
