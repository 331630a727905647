import type { Entity, ResourceEntity, SecretMatch } from '../model/entities.js';
import { findSecrets } from '../secrets/detect.js';
import { accessKeysOf } from './access-keys.js';
import { azSpansOf } from './az-spans.js';
import { cacheReplicationGroupsOf } from './cache.js';
import { elasticIpsOf, natGatewaysOf } from './cost-resources.js';
import { dbInstancesOf } from './databases.js';
import { TemplateGraph } from './graph.js';
import { instancesOf } from './instances.js';
import { networkAclsOf } from './network-acls.js';
import { toPlain } from './node.js';
import { parametersOf, passwordsOf } from './passwords.js';
import { policiesOf } from './policies.js';
import { Resolver } from './resolve.js';
import { securityGroupsOf } from './security-groups.js';
import type { Template } from './template.js';
import { trailsOf } from './trails.js';
import { iamUsersOf } from './users.js';

/** Everything rules can read from one template. Generic `Resource` entities only when a rule selects them. */
export function templateEntities(template: Template, parameters?: Readonly<Record<string, string>>, withResources = false): Entity[] {
  const resolver = new Resolver(template, parameters ? { parameters } : {});
  const graph = new TemplateGraph(template);
  const { passwords, secretParameters } = passwordsOf(template, resolver);
  const securityGroups = securityGroupsOf(template, resolver);
  return [
    ...(withResources ? resourceEntities(template) : []),
    ...securityGroups,
    ...networkAclsOf(template, resolver, graph),
    ...elasticIpsOf(template, resolver, graph),
    ...natGatewaysOf(template, resolver, graph),
    ...trailsOf(template, resolver, graph),
    ...instancesOf(template, resolver, graph),
    ...templateSecrets(template),
    ...policiesOf(template, resolver),
    ...iamUsersOf(template, resolver),
    ...accessKeysOf(template, resolver),
    ...passwords,
    ...parametersOf(template, secretParameters),
    ...dbInstancesOf(template, resolver, securityGroups),
    ...azSpansOf(template, resolver),
    ...cacheReplicationGroupsOf(template, resolver),
  ];
}

function resourceEntities(template: Template): ResourceEntity[] {
  return [...template.resources.values()].map((res) => ({
    kind: 'Resource',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    logicalId: res.logicalId,
    resourceType: res.type,
    properties: (res.properties ? toPlain(res.properties) : {}) as Record<string, unknown>,
    ...(res.metadata ? { metadata: toPlain(res.metadata) as Record<string, unknown> } : {}),
  }));
}

const SECTION_NOUNS: Readonly<Record<string, string>> = {
  Parameters: 'parameter',
  Outputs: 'output',
  Mappings: 'mapping',
  Conditions: 'condition',
  Globals: 'globals',
};

function templateSecrets(template: Template): SecretMatch[] {
  return findSecrets(template.text).map((s) => {
    // The top-level section and entry holding the match, for messages and suppressions.
    const section = template.root.entries.find((e) => e.value.span[0] <= s.start && s.end <= e.value.span[1]);
    const entry = section?.value.kind === 'map' ? section.value.entries.find((e) => e.value.span[0] <= s.start && s.end <= e.value.span[1]) : undefined;
    const isResource = section?.key === 'Resources' && entry !== undefined;
    const noun = section ? SECTION_NOUNS[section.key] : undefined;
    const where = isResource ? `resource ${entry.key}` : noun && entry ? `${noun} ${entry.key}` : template.file;
    const logicalPath = isResource ? entry.key : section && entry ? `${section.key}/${entry.key}` : undefined;
    return {
      kind: 'Secret',
      id: `${template.file}#${s.hash}`,
      source: 'template',
      location: { ...template.index.location(s.start, s.end), ...(logicalPath ? { logicalPath } : {}) },
      displayName: where,
      secretType: s.type,
      redacted: s.redacted,
      hash: s.hash,
      evidence: s.evidence,
      where,
    };
  });
}
