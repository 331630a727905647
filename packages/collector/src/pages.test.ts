import { describe, expect, it } from 'vitest';
import { allPages } from './pages.js';

describe('paging a call that answers several lists at once', () => {
  it('merges each list on its own across the pages, and drops every list when a later page fails', async () => {
    const pages: Record<string, Record<string, unknown>> = {
      first: { UserDetailList: [{ UserName: 'a' }], GroupDetailList: [{ GroupName: 'g' }], IsTruncated: true, Marker: 'm2' },
      m2: { UserDetailList: [{ UserName: 'b' }], RoleDetailList: [{ RoleName: 'r' }], Policies: [], IsTruncated: true, Marker: 'm3' },
      m3: { Policies: [{ Arn: 'p' }], IsTruncated: false },
    };
    const items = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;
    const sent: (string | undefined)[] = [];
    const answer = await allPages(
      async (input: { Marker?: string }) => {
        sent.push(input.Marker);
        return pages[input.Marker ?? 'first'] ?? {};
      },
      {},
      { inputToken: 'Marker', outputToken: 'Marker', items },
    );
    expect(sent).toEqual([undefined, 'm2', 'm3']);
    expect(answer).toEqual({
      UserDetailList: [{ UserName: 'a' }, { UserName: 'b' }],
      GroupDetailList: [{ GroupName: 'g' }],
      RoleDetailList: [{ RoleName: 'r' }],
      Policies: [{ Arn: 'p' }],
    });
    const failing = allPages(
      async (input: { Marker?: string }) => {
        if (input.Marker) throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
        return pages.first ?? {};
      },
      {},
      { inputToken: 'Marker', outputToken: 'Marker', items },
    );
    await expect(failing).rejects.toThrow('denied (on page 2; the 1 page read before were dropped)');
  });
});
