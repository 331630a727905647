import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { collectSnapshot } from '@mamori/collector';
import { toSarif } from '@mamori/core';
import { scan } from '@mamori/rules';

/** An account that could not be collected: the Distributed Map records it as a FAILED item, and the run fails at its end. */
export class AccountNotCollected extends Error {
  name = 'AccountNotCollected';
}

/**
 * Collects one account with the collection role assumed there, scans the snapshot, and writes
 * `<prefix><id>.json` (the snapshot) and `<prefix><id>.sarif` to the results bucket. A suspended
 * account is skipped, said in the result; a role that cannot be assumed fails the item.
 */
export async function handler(event, { sts = new STSClient({}), s3 = new S3Client({}), env = process.env } = {}) {
  const { account, prefix } = event;
  if (!account || !/^\d{12}$/.test(account.id ?? '')) throw new Error(`not an account: ${JSON.stringify(account)}`);
  if (account.state !== 'ACTIVE') return { accountId: account.id, status: 'skipped', reason: `the account is ${String(account.state).toLowerCase()}` };
  const partition = env.AWS_PARTITION ?? 'aws';
  const roleArn = `arn:${partition}:iam::${account.id}:role/${env.COLLECT_ROLE_NAME}`;
  let credentials;
  try {
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'mamori', ...(env.EXTERNAL_ID ? { ExternalId: env.EXTERNAL_ID } : {}) }),
    );
    const c = assumed.Credentials;
    credentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (err) {
    throw new AccountNotCollected(`${account.id}: cannot assume ${roleArn}: ${err.name}: ${err.message}`);
  }
  const regions = !env.REGIONS || env.REGIONS === 'all' ? { allRegions: true } : { regions: env.REGIONS.split(',').map((r) => r.trim()) };
  // The function's 15 minutes end well before the role's hour: the credentials are not renewed.
  const snapshot = await collectSnapshot({
    ...regions,
    credentials: async () => credentials,
    ...(account.name ? { accountName: account.name } : {}),
    deadline: Number(env.DEADLINE ?? 780),
  });
  if (snapshot.accountId !== account.id) throw new AccountNotCollected(`${roleArn} gave credentials of account ${snapshot.accountId}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'mamori-'));
  try {
    const file = `${account.id}.json`;
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    await writeFile(path.join(dir, file), text);
    const result = await scan({ paths: [file], cwd: dir });
    const sarif = `${JSON.stringify(toSarif(result, { category: 'mamori-org/' }), null, 2)}\n`;
    await s3.send(new PutObjectCommand({ Bucket: env.BUCKET, Key: `${prefix}${file}`, Body: text, ContentType: 'application/json' }));
    await s3.send(new PutObjectCommand({ Bucket: env.BUCKET, Key: `${prefix}${account.id}.sarif`, Body: sarif, ContentType: 'application/sarif+json' }));
    return {
      accountId: account.id,
      status: 'collected',
      incomplete: snapshot.incomplete?.reason ?? null,
      failedCalls: snapshot.errors.length,
      findings: result.findings.filter((f) => !f.suppression).length,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
