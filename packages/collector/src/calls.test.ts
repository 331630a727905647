import * as autoscaling from '@aws-sdk/client-auto-scaling';
import * as budgets from '@aws-sdk/client-budgets';
import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as ec2 from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as elasticache from '@aws-sdk/client-elasticache';
import * as iam from '@aws-sdk/client-iam';
import * as organizations from '@aws-sdk/client-organizations';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as sts from '@aws-sdk/client-sts';
import { AWS_CALLS, type AwsService, callName } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';
import { BoundedHttpHandler, BoundedRetryStrategy } from './bounded.js';
import { BINDINGS, CLIENTS } from './calls.js';

const SDK: Record<AwsService, Record<string, unknown>> = {
  cloudtrail,
  ec2,
  iam,
  rds,
  s3,
  sts,
  elasticache,
  budgets,
  cloudwatch,
  elbv2,
  elb,
  autoscaling,
  organizations,
};

describe('the SDK side of each call', () => {
  it('pairs every descriptor with a command, and nothing else', () => {
    expect(Object.keys(BINDINGS).sort()).toEqual(AWS_CALLS.map(callName).sort());
  });

  it('lists each kind of resource asked about from the answer of the call that lists it, and no kind nothing asks about', () => {
    for (const call of AWS_CALLS) {
      if (!call.per) continue;
      const lister = BINDINGS[call.per.listedBy as keyof typeof BINDINGS] as { lists?: Record<string, unknown> };
      expect(lister.lists?.[call.per.resource], `${call.per.listedBy} lists ${call.per.resource}`).toBeDefined();
    }
    for (const [name, binding] of Object.entries(BINDINGS) as [string, { lists?: Record<string, unknown> }][]) {
      for (const kind of Object.keys(binding.lists ?? {})) {
        expect(
          AWS_CALLS.some((c) => c.per?.resource === kind && c.per.listedBy === name),
          `a call about each ${kind} ${name} lists`,
        ).toBe(true);
      }
    }
  });

  it('runs in the background only a call its unit starts with', () => {
    for (const call of AWS_CALLS) {
      const binding = BINDINGS[callName(call)] as { background?: boolean };
      if (binding.background) expect(call.per || call.after || call.stage, callName(call)).toBeFalsy();
    }
  });

  it('pages every call the SDK has a paginator for', () => {
    for (const call of AWS_CALLS) expect(call.pages !== undefined, callName(call)).toBe(`paginate${call.operation}` in SDK[call.service]);
  });

  // The collector pages by the descriptors' tokens; the SDK's own paginators know each call's.
  it.each(AWS_CALLS.filter((c) => c.pages).map((c) => [callName(c), c] as const))('%s pages with the tokens of the SDK paginator', async (_, call) => {
    const paginate = SDK[call.service][`paginate${call.operation}`] as (config: { client: unknown }, input: object) => AsyncIterable<unknown>;
    expect(paginate, `the SDK has paginate${call.operation}`).toBeTypeOf('function');
    const stop = new AbortController().signal;
    const client = CLIENTS[call.service](
      { region: 'eu-west-1', maxAttempts: 1, retryStrategy: new BoundedRetryStrategy(1, 1, stop), requestHandler: new BoundedHttpHandler(1000, 1000, stop) },
      false,
    );
    const sent: Record<string, unknown>[] = [];
    // Two pages: the first names the next by the answer's token, which the second request must carry.
    Object.assign(client, {
      send: async (command: { input: Record<string, unknown> }) => {
        sent.push({ ...command.input });
        return sent.length === 1 ? { $metadata: {}, [call.pages?.outputToken ?? '']: 'page-2' } : { $metadata: {} };
      },
    });
    for await (const _page of paginate({ client }, {})) {
      // Each page is read; only the requests matter here.
    }
    expect(sent).toHaveLength(2);
    expect(sent[1]?.[call.pages?.inputToken ?? '']).toBe('page-2');
  });
});
