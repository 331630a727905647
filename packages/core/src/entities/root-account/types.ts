import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** A use of the root user's credentials, from CloudTrail. */
export interface RootActivity {
  time: string;
  eventName: string;
  eventSource?: string;
  /** Region whose event history holds it. */
  region?: string;
  /** Where the event is recorded (a snapshot's `LookupEvents` item). */
  location?: SourceLocation;
}

/** The account's root user, from the credential report, the account summary and CloudTrail. */
export interface RootAccount extends EntityBase {
  kind: 'RootAccount';
  accountId: string;
  mfaActive?: boolean;
  accessKeysPresent?: boolean;
  passwordLastUsed?: string;
  accessKeysLastUsed: string[];
  /** Root API calls and console sign-ins seen in CloudTrail; undefined when events could not be read. */
  recentActivity?: RootActivity[];
}
