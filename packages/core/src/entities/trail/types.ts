import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** A data event selector of a trail: which data events it logs. */
export interface TrailDataEventSelector {
  /** `AWS::S3::Object`, `AWS::Lambda::Function`, `AWS::DynamoDB::Table`, ... */
  resourceType: string;
  /** Every resource of the type (`arn:aws:s3` or `arn:aws:s3:::`, `arn:aws:lambda`), not named ones. */
  allResources: boolean;
  location: SourceLocation;
}

/** A CloudTrail trail (`AWS::CloudTrail::Trail`, `DescribeTrails`). */
export interface Trail extends EntityBase {
  kind: 'Trail';
  name: string;
  arn?: string;
  homeRegion?: string;
  isMultiRegion?: boolean;
  logFileValidation?: boolean;
  isLogging?: boolean;
  isOrganizationTrail?: boolean;
  s3BucketName?: string;
  /** Whether the trail's bucket expires or transitions old logs; undefined when the bucket is not known. */
  bucketHasLifecycle?: boolean;
  bucketLocation?: SourceLocation;
  /** Whether the trail records management events (the default when no selector says otherwise). */
  managementEvents?: boolean;
  dataEvents: TrailDataEventSelector[];
  /** False when the event selectors could not be read (a failed call): then `dataEvents` and `managementEvents` are unknown. */
  selectorsKnown?: boolean;
}
