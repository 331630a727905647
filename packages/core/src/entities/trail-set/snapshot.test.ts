import { describe, expect, it } from 'vitest';
import { recorded as loaded, of } from '../../../../../test/entities.js';
import type { TrailSet } from '../../model/entities.js';

describe('the trail set from the recorded account snapshot', () => {
  it('holds every trail of the account once', () => {
    const [set] = of('TrailSet', loaded.entities);
    expect(set).toMatchObject<Partial<TrailSet>>({ scope: 'account', id: 'arn:aws:cloudtrail:*:123456789012:trail/*' });
    expect(set?.trails.map((t) => t.name)).toEqual(['org', 'app']);
  });
});
