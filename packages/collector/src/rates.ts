import type { AwsService } from '@mamori/core/internal';

/**
 * How fast the collector may ask each service: a token bucket per service (per operation where AWS
 * limits one on its own), per region where the service's limit is regional. `burst` requests may go
 * at once, then `perSecond`. Where AWS documents a figure it is the one used; where it documents
 * none, the figure is a conservative choice and says so. Every request counts, retries and polls
 * included.
 */
export interface RateLimit {
  /** Requests that may go at once (the bucket's size). */
  burst: number;
  /** Requests per second after that (the bucket's refill). */
  perSecond: number;
  /** One bucket for the account (`global`), or one per region. */
  scope: 'regional' | 'global';
  /** Services that share the bucket name it (both generations of Elastic Load Balancing). */
  bucket?: string;
}

export const RATE_LIMITS: { [S in AwsService]: RateLimit & { operations?: Readonly<Record<string, RateLimit>> } } = {
  // "Request throttling for the Amazon EC2 API" (docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html):
  // non-mutating (Describe*) actions, bucket 100, refill 20 per second, per API per region; here shared by all of them.
  ec2: { burst: 100, perSecond: 20, scope: 'regional' },
  // "Request throttling for the Amazon RDS API" (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-api-throttling.html):
  // 300 requests in a burst, 12 per second sustained, per account per region.
  rds: { burst: 300, perSecond: 12, scope: 'regional' },
  // LookupEvents: "limited to one request per second for each account" (AWS Knowledge Center,
  // "cloudtrail-search-actions"; the API reference says the same per region). The other CloudTrail
  // calls: no figure found in "AWS CloudTrail endpoints and quotas"; 5 per second chosen.
  cloudtrail: { burst: 5, perSecond: 5, scope: 'regional', operations: { LookupEvents: { burst: 1, perSecond: 1, scope: 'regional' } } },
  // "Best practices design patterns: optimizing Amazon S3 performance": 5,500 GET per second per
  // prefix. Bucket configuration reads are not data reads: 10 per second chosen.
  s3: { burst: 10, perSecond: 10, scope: 'regional' },
  // "IAM and AWS STS quotas" documents no request rate for IAM. 20 per second chosen, the one
  // throttle IAM documents ("Quotas and limits in account access manager": 20 TPS); IAM is global.
  iam: { burst: 20, perSecond: 20, scope: 'global' },
  // STS: one call per collection (and, with `collect --org`, an AssumeRole per account, far under the
  // 600 per second "IAM and AWS STS quotas" gives); no figure found for GetCallerIdentity, 10 per second chosen.
  sts: { burst: 10, perSecond: 10, scope: 'regional' },
  // ElastiCache: no request rate found in its quotas page; 10 per second chosen.
  elasticache: { burst: 10, perSecond: 10, scope: 'regional' },
  // Budgets: no request rate found in "Quotas and restrictions" of AWS Budgets; 5 per second chosen (the account's budgets are global).
  budgets: { burst: 5, perSecond: 5, scope: 'global' },
  // "CloudWatch service quotas": no figure for DescribeAlarms found; 5 per second chosen.
  cloudwatch: { burst: 5, perSecond: 5, scope: 'regional' },
  // Elastic Load Balancing: no request rate found in its quotas; both generations share the
  // signing name and, counted conservatively, one bucket of 10 per second.
  elbv2: { burst: 10, perSecond: 10, scope: 'regional', bucket: 'elasticloadbalancing' },
  elb: { burst: 10, perSecond: 10, scope: 'regional', bucket: 'elasticloadbalancing' },
  // "My Auto Scaling API calls are throttled" (AWS Knowledge Center): all Amazon EC2 Auto Scaling
  // calls share one bucket per account and region, its size not given; 10 per second chosen.
  autoscaling: { burst: 10, perSecond: 10, scope: 'regional' },
  // Organizations (`collect --org`, in the management account): "Quotas for AWS Organizations" gives
  // no request rate for ListAccounts; 5 per second chosen, one bucket as the service is global.
  organizations: { burst: 5, perSecond: 5, scope: 'global' },
};

/** The bucket a request counts against, and its limit. */
export function rateLimitOf(service: AwsService, operation: string, region: string): { key: string; limit: RateLimit } {
  const service_ = RATE_LIMITS[service];
  const own = service_.operations?.[operation];
  const limit = own ?? service_;
  const name = own ? `${service}:${operation}` : (service_.bucket ?? service);
  return { key: limit.scope === 'global' ? name : `${name} ${region}`, limit };
}

/**
 * A token bucket: each request takes a token, waiting for one when the bucket is empty. Tokens
 * are reserved in the order asked (the count goes below zero while requests wait), so the
 * requests go in order and never faster than the bucket allows. A few lines rather than a
 * library: p-throttle counts fixed windows and bottleneck refills a reservoir at fixed intervals;
 * neither is the burst-then-refill bucket AWS documents.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: Pick<RateLimit, 'burst' | 'perSecond'>,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = clock();
  }

  /** Milliseconds the caller must wait before sending: its token is reserved. */
  take(): number {
    const now = this.clock();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) * this.limit.perSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.limit.perSecond;
  }
}

/** The buckets of one collection, made as requests need them. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  /** Waits until a request of this call may be sent; a stop ends the wait with the stop's reason. */
  async acquire(service: AwsService, operation: string, region: string, stop: AbortSignal): Promise<void> {
    const { key, limit } = rateLimitOf(service, operation, region);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit);
      this.buckets.set(key, bucket);
    }
    const wait = bucket.take();
    if (wait > 0) await sleep(wait, stop);
  }
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stopped = (): void => {
      clearTimeout(timer);
      reject(Object.assign(new Error(String(stop.reason ?? 'stopped')), { name: 'AbortError' }));
    };
    const timer = setTimeout(() => {
      stop.removeEventListener('abort', stopped);
      resolve();
    }, ms);
    if (stop.aborted) stopped();
    else stop.addEventListener('abort', stopped, { once: true });
  });
}
