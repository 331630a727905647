import type { EntityBase } from '../../model/entity.js';

/** The kind of secret a secret match is. */
export type SecretType = 'aws-access-key-id' | 'aws-secret-access-key';

/**
 * A string that looks like an AWS credential. The raw value never leaves the loader, and nothing
 * derived from it but its redacted form: the id says where it is written, not what it is.
 */
export interface SecretMatch extends EntityBase {
  kind: 'Secret';
  secretType: SecretType;
  /** e.g. `AKIA************WXYZ`. Safe to print. */
  redacted: string;
  /** Why it was taken for a secret: `access key id prefix`, `secret key name`, `next to an access key id`. */
  evidence: string;
  /** Where in the file, for messages: `resource Fn`, `parameter KeyId`, or the file name. */
  where: string;
  /** `base64`: found by decoding a base64 literal (user data written already encoded); located at the whole literal. */
  encoding?: 'base64';
}
