import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * Lists every account of the organisation (every page of Organizations ListAccounts) and writes them
 * to `<prefix>accounts.json` in the results bucket, for the Distributed Map to read: one item per
 * account, suspended ones included (the collect function records them as skipped).
 */
export async function handler(event, { organizations = new OrganizationsClient({}), s3 = new S3Client({}), env = process.env } = {}) {
  const prefix = event.prefix;
  if (typeof prefix !== 'string' || !/^runs\/[\w.-]+\/$/.test(prefix)) throw new Error(`prefix must be runs/<name>/, not ${JSON.stringify(prefix)}`);
  const accounts = [];
  for await (const page of paginateListAccounts({ client: organizations }, {})) {
    for (const a of page.Accounts ?? []) accounts.push({ id: a.Id, name: a.Name ?? '', state: a.State ?? a.Status ?? 'UNKNOWN' });
  }
  accounts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = `${prefix}accounts.json`;
  await s3.send(new PutObjectCommand({ Bucket: env.BUCKET, Key: key, Body: JSON.stringify(accounts), ContentType: 'application/json' }));
  return { key, prefix, accounts: accounts.length };
}
