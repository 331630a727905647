import { describe, expect, it, vi } from 'vitest';
import { ParameterFileError, parseParameters } from './parameters.js';

describe('parameter files', () => {
  it('create-stack --parameters JSON', () => {
    const text = JSON.stringify([
      { ParameterKey: 'Env', ParameterValue: 'prod' },
      { ParameterKey: 'Port', ParameterValue: 5432 },
      { ParameterKey: 'Kept', UsePreviousValue: true },
    ]);
    expect(parseParameters('p.json', text)).toEqual({ Env: 'prod', Port: '5432' });
  });

  it('deploy --parameter-overrides as Key=Value strings, values may hold "="', () => {
    expect(parseParameters('p.json', '["Env=prod", "Query=a=b"]')).toEqual({ Env: 'prod', Query: 'a=b' });
  });

  it('deploy --parameter-overrides as {Parameters: {...}} (the template configuration shape)', () => {
    expect(parseParameters('p.json', '{"Parameters": {"Env": "prod", "Subnets": ["a", "b"]}, "Tags": {"x": "y"}}')).toEqual({ Env: 'prod', Subnets: 'a,b' });
  });

  it('a plain map, in YAML', () => {
    expect(parseParameters('p.yaml', 'Env: prod\nMultiAz: true\n')).toEqual({ Env: 'prod', MultiAz: 'true' });
  });

  it('prints nothing while it reads, whatever the file holds', () => {
    // yaml warns about an unknown tag on the console, quoting the file's text.
    const warned = vi.spyOn(process, 'emitWarning');
    try {
      expect(parseParameters('p.yaml', 'Env: !evil "\\n::error::x"\n')).toEqual({ Env: '\n::error::x' });
      expect(warned).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('errors name the file and what is wrong', () => {
    expect(() => parseParameters('p.json', '["novalue"]')).toThrow(ParameterFileError);
    expect(() => parseParameters('p.json', '["novalue"]')).toThrow(/^p\.json: item 0 must look like "Key=Value"$/);
    expect(() => parseParameters('p.json', '{"A": {"nested": 1}}')).toThrow(/value of A must be/);
    expect(() => parseParameters('p.json', '{"A": [1,')).toThrow(/^p\.json: not valid JSON or YAML/);
  });
});
