/**
 * Where a finding's fingerprint is kept in SARIF `partialFingerprints`: written by the SARIF report,
 * read back by the baseline. The version changes only if fingerprints are computed differently.
 */
export const FINGERPRINT_KEY = 'mamoriFinding/v1';
