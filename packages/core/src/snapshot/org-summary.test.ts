import { describe, expect, it } from 'vitest';
import { isOrganizationSummaryText, organizationSummaryNotifications } from './org-summary.js';

describe('the organisation summary collect --org writes', () => {
  it('is recognised by its first key only', () => {
    expect(isOrganizationSummaryText('{\n  "mamoriOrganizationSummary": 1,\n  "accounts": []\n}')).toBe(true);
    expect(isOrganizationSummaryText('{"accounts": [], "mamoriOrganizationSummary": 1}')).toBe(false);
    expect(isOrganizationSummaryText('["mamoriOrganizationSummary"]')).toBe(false);
  });

  it('names each failed account and each id not in the organisation as an error, each skipped one as a note', () => {
    const text = JSON.stringify({
      mamoriOrganizationSummary: 1,
      accounts: [
        { id: '222222222222', name: 'prod', status: 'collected' },
        { id: '333333333333', status: 'failed', error: { operation: 'sts:AssumeRole', code: 'AccessDenied', message: 'denied' } },
        { id: '444444444444', name: 'old', status: 'skipped', reason: 'the account is closed' },
      ],
      notInOrganization: ['999999999999'],
    });
    expect(organizationSummaryNotifications('org/s.json', text).map((n) => `${n.level} ${n.message}`)).toEqual([
      'error Account 333333333333 was not collected: sts:AssumeRole failed with AccessDenied: denied; it is not in this scan',
      'note Account 444444444444 (old) was skipped when the organisation was collected: the account is closed',
      'error Account 999999999999 was asked for but the organisation does not hold it; it is not in this scan',
    ]);
  });

  it('a summary that cannot be read is an error, and hostile values are made printable', () => {
    expect(organizationSummaryNotifications('s.json', '{"mamoriOrganizationSummary": 1, "accounts": [')[0]).toMatchObject({
      level: 'error',
      code: 'read-error',
    });
    expect(organizationSummaryNotifications('s.json', '{"mamoriOrganizationSummary": 1}')[0]?.message).toBe(
      'Cannot read this organisation summary: it has no list of accounts',
    );
    const hostile = JSON.stringify({
      mamoriOrganizationSummary: 1,
      accounts: [null, 7, { id: 5 }, { id: '1\u001b[31m', status: 'failed', error: 'not an object' }],
      notInOrganization: [null, '2\u0007'],
    });
    const messages = organizationSummaryNotifications('s.json', hostile).map((n) => n.message);
    expect(messages).toHaveLength(2);
    expect([...messages.join('')].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(messages[0]).toMatch(/^Account 1.*was not collected: its collection failed with an error; it is not in this scan$/);
  });
});
