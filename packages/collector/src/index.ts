export { type CollectOptions, type CollectProgress, collectSnapshot } from './collect.js';
export {
  type CollectorSettings,
  collectorSettings,
  DEFAULT_CONNECT_TIMEOUT,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_REQUEST_TIMEOUT,
  MAX_RESPONSE_BYTES,
  TIMEOUT_ATTEMPTS,
} from './limits.js';
export type { CredentialsProvider, TemporaryCredentials } from './options.js';
export {
  type AccountOutcome,
  collectOrganization,
  DEFAULT_ACCOUNT_CONCURRENCY,
  type OrganizationAccount,
  type OrganizationOptions,
  type OrganizationSummary,
} from './org.js';
export { MAX_PAGES } from './pages.js';
