import type { Notification } from '../model/finding.js';
import type { AccountSnapshot } from './format.js';
import type { Locator, PathKey } from './locator.js';
import { policyDocumentObject } from './policy.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Where the snapshot holds policy documents, each with what it is and whether it is a trust policy. */
function* documents(snapshot: AccountSnapshot): Generator<{ path: PathKey[]; doc: unknown; what: string; trust: boolean }> {
  const iam = obj(snapshot.global.iam) ?? {};
  const base: PathKey[] = ['global', 'iam'];
  const details = obj(iam.GetAccountAuthorizationDetails);
  if (details) {
    const lists = [
      ['UserDetailList', 'UserName', 'UserPolicyList', 'user'],
      ['GroupDetailList', 'GroupName', 'GroupPolicyList', 'group'],
      ['RoleDetailList', 'RoleName', 'RolePolicyList', 'role'],
    ] as const;
    for (const [key, nameKey, policies, kind] of lists) {
      for (const [i, p] of list(details[key]).entries()) {
        const principal = obj(p) ?? {};
        const at: PathKey[] = [...base, 'GetAccountAuthorizationDetails', key, i];
        for (const [j, inline] of list(principal[policies]).entries()) {
          const doc = obj(inline)?.PolicyDocument;
          yield {
            path: [...at, policies, j, 'PolicyDocument'],
            doc,
            what: `inline policy ${String(obj(inline)?.PolicyName)} of ${kind} ${String(principal[nameKey])}`,
            trust: false,
          };
        }
        if (kind === 'role')
          yield {
            path: [...at, 'AssumeRolePolicyDocument'],
            doc: principal.AssumeRolePolicyDocument,
            what: `the trust policy of role ${String(principal.RoleName)}`,
            trust: true,
          };
      }
    }
    for (const [i, p] of list(details.Policies).entries()) {
      const policy = obj(p) ?? {};
      for (const [j, v] of list(policy.PolicyVersionList).entries()) {
        if (obj(v)?.IsDefaultVersion !== true) continue;
        yield {
          path: [...base, 'GetAccountAuthorizationDetails', 'Policies', i, 'PolicyVersionList', j, 'Document'],
          doc: obj(v)?.Document,
          what: `managed policy ${String(policy.PolicyName)}`,
          trust: false,
        };
      }
    }
  }
  for (const [user, byName] of Object.entries(obj(iam.GetUserPolicy) ?? {}))
    for (const [name, answer] of Object.entries(obj(byName) ?? {}))
      yield {
        path: [...base, 'GetUserPolicy', user, name, 'PolicyDocument'],
        doc: obj(answer)?.PolicyDocument,
        what: `inline policy ${name} of user ${user}`,
        trust: false,
      };
  for (const [arn, answer] of Object.entries(obj(iam.GetPolicyVersion) ?? {}))
    yield {
      path: [...base, 'GetPolicyVersion', arn, 'PolicyVersion', 'Document'],
      doc: obj(obj(answer)?.PolicyVersion)?.Document,
      what: `managed policy ${arn}`,
      trust: false,
    };
}

/** A document with statements the rules can read: an object whose `Statement` is an object or a list of objects. */
function readable(doc: unknown): boolean {
  const parsed = policyDocumentObject(doc as Parameters<typeof policyDocumentObject>[0]);
  if (!parsed) return false;
  const statement = parsed.Statement;
  if (statement === undefined) return true;
  return (Array.isArray(statement) ? statement : [statement]).every((s) => obj(s) !== undefined);
}

/**
 * Policy documents present in the snapshot that are not readable policies (bad URL encoding, not
 * JSON, statements that are not objects): what they grant is unknown, so the rules that read them
 * are said not evaluated there rather than finding nothing.
 */
export function unreadableDocuments(snapshot: AccountSnapshot, locator: Locator, file: string, ruleNames: (trust: boolean) => string): Notification[] {
  const out: Notification[] = [];
  for (const { path, doc, what, trust } of documents(snapshot)) {
    if (doc === undefined || doc === null || readable(doc)) continue;
    const at = locator.at(path);
    out.push({
      level: 'warning',
      code: 'not-evaluated',
      file,
      line: at.line,
      column: at.column,
      message: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} is not a readable IAM policy document; not evaluated for it: ${ruleNames(trust)}`,
    });
  }
  return out;
}
