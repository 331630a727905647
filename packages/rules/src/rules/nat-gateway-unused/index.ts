import { defineRule } from '@mamori/core';
import { costProperties, HOURS_PER_MONTH, monthly, PRICE_DATE, PRICE_REGION, PRICES, round2, usd } from '../../lib/pricing.js';

export default defineRule({
  id: 'MAM702',
  name: 'nat-gateway-unused',
  title: 'NAT gateway that no route table uses',
  description: 'A NAT gateway has no route pointing at it, so it carries no traffic but is billed every hour, with its Elastic IP.',
  severity: 'warning',
  area: 'cost',
  tags: ['cost', 'vpc', 'nat-gateway'],
  compliance: {},
  covers: { prowler: ['vpc_nat_gateway_unused'] },
  docs: {
    risk: `A NAT gateway costs ${usd(PRICES.natGatewayPerHour)} an hour (${usd(monthly.natGateway())} a month over ${HOURS_PER_MONTH}
hours, ${PRICE_REGION} list price of ${PRICE_DATE}) plus ${usd(PRICES.publicIpv4PerHour)} an hour for its public
address, before any data is processed. One that no route table sends traffic to is left over from a
removed subnet or a half-finished change, and each one wastes about
${usd(round2(monthly.natGateway() + monthly.publicIpv4()))} a month. Each finding carries
\`estimatedMonthlyCostUsd\` in its properties.

In a template, a gateway is reported only when no \`AWS::EC2::Route\` uses it and nothing else
refers to it (an export or a nested stack may route through it from elsewhere).`,
    fix: `Route the private subnets' default route through it, or delete it:

\`\`\`yaml
PrivateDefaultRoute:
  Type: AWS::EC2::Route
  Properties:
    RouteTableId: !Ref PrivateRouteTable
    DestinationCidrBlock: 0.0.0.0/0
    NatGatewayId: !Ref NatGateway
\`\`\`

In the console: VPC → NAT gateways → select → Actions → Delete NAT gateway, then release its Elastic
IP. With the CLI: \`aws ec2 delete-nat-gateway --nat-gateway-id nat-...\` and
\`aws ec2 release-address --allocation-id eipalloc-...\`.`,
  },
  messages: {
    unused: 'NAT gateway {{nat}} has no route pointing at it, about {{cost}} a month.',
  },
  entity: 'NatGateway',
  check(nat, context) {
    if (!nat.routesKnown || nat.routeTableIds.length > 0) return;
    if (nat.state && nat.state !== 'available' && nat.state !== 'pending') return;
    const publicIp = nat.connectivityType === 'private' ? 0 : monthly.publicIpv4();
    const cost = round2(monthly.natGateway() + publicIp);
    const basis = nat.connectivityType === 'private' ? 'NAT gateway hours' : 'NAT gateway hours and its public IPv4 address';
    context.report({ messageId: 'unused', data: { nat: nat.displayName, cost: usd(cost) }, properties: costProperties(cost, basis) });
  },
});
