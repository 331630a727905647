/** Temporary credentials as the SDK takes them: asked again when `expiration` is near. */
export interface TemporaryCredentials {
  /** The access key id (`ASIA...` for temporary credentials). */
  accessKeyId: string;
  /** Its secret. */
  secretAccessKey: string;
  /** The session token that goes with temporary credentials. */
  sessionToken?: string;
  /** When they end; the SDK asks for new ones a few minutes before. */
  expiration?: Date;
}

/** Gives the credentials to sign with (the SDK's credential provider shape). */
export type CredentialsProvider = () => Promise<TemporaryCredentials>;

export interface CollectProgress {
  /** Calls finished so far (answered or failed). */
  done: number;
  /** Calls known so far; grows as listed resources reveal per-resource calls. */
  total: number;
  failed: number;
  /** What is running now, e.g. `ec2 eu-west-1`, `iam`. */
  active: string[];
  /** With `collectOrganization`: the accounts ended (collected, failed or skipped) and to collect. */
  accounts?: { done: number; total: number };
}

export interface CollectOptions {
  /** Regions to read. Default: the region of the profile or environment (AWS_REGION). */
  regions?: readonly string[];
  /** Every region enabled in the account (EC2 DescribeRegions). */
  allRegions?: boolean;
  /** A named profile of the shared config and credentials files; the standard chain applies otherwise. */
  profile?: string;
  /**
   * Credentials for every call, in place of the profile's or the standard chain's (the profile, if
   * given, still names the region): a role assumed in the account to collect (`collectOrganization`).
   */
  credentials?: CredentialsProvider;
  /** The account's name, kept in the snapshot (`accountName`): its name in the organisation, for reports. */
  accountName?: string;
  /** How many region/service units run at once. Default 16; the rate limits AWS documents hold whatever it is. */
  concurrency?: number;
  /** Attempts per call, throttling and transient errors included. Default: AWS_MAX_ATTEMPTS, else 8. */
  maxAttempts?: number;
  /** Milliseconds before retry `n`; default: the SDK's standard exponential backoff with jitter. */
  retryBackoff?: (attempt: number) => number;
  /**
   * Milliseconds one attempt of a call may take, from sending it to the last byte of the answer;
   * then it fails with `TimeoutError` and is retried, up to three attempts in all for timeouts.
   * Default: `MAMORI_REQUEST_TIMEOUT` (seconds), else 20,000: a call to an endpoint that never
   * answers fails within about a minute.
   */
  requestTimeout?: number;
  /** Milliseconds to open a connection (within the request timeout). Default: `MAMORI_CONNECT_TIMEOUT` (seconds), else 5,000. */
  connectTimeout?: number;
  /** Seconds the whole collection may take: then it stops, and the snapshot holds what was read, marked incomplete. */
  deadline?: number;
  /** Stops the collection (an interrupt): the snapshot holds what was read, marked incomplete. */
  signal?: AbortSignal;
  /** Said as it happens, for a log: an endpoint that stopped answering, credentials that expired. */
  onNotice?: (message: string) => void;
  /** Seconds to wait for IAM to generate the credential report. Default 120. */
  credentialReportTimeout?: number;
  /** Seconds between credential report polls, at first; it backs off from there. Default 2. */
  credentialReportPoll?: number;
  /** Days of CloudTrail event history to search for root activity. Default 90, the history's length. */
  rootEventDays?: number;
  onProgress?: (progress: CollectProgress) => void;
  /** The clock, for tests. */
  now?: () => Date;
}
