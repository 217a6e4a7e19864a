import { mentions, plainWords } from '../match.js';
import { rule } from '../types.js';
import { contextPolicies, rawDataPolicies, type Statement } from './statements.js';

/**
 * Phrases that forbid the public cloud only: a private or government cloud may still be allowed.
 * Each phrase carries its own negation, so "runs in the public cloud" never matches.
 */
export const NO_PUBLIC_CLOUD = [
  'no public cloud',
  'not in the public cloud',
  'not in a public cloud',
  'not on public cloud',
  'not on a public cloud',
  'not be stored in a public cloud',
  'not be stored in the public cloud',
  'not be processed in a public cloud',
  'not be processed in the public cloud',
  'public cloud is not allowed',
  'public cloud not allowed',
  'public cloud is prohibited',
  'public cloud prohibited',
  'public cloud is forbidden',
  'public clouds are not allowed',
];

/** Phrases that keep the data on premises: no cloud of any kind, no upload, no export. */
export const NO_OFF_PREMISES = [
  'no cloud',
  'not in the cloud',
  'not in a cloud',
  'not be stored in the cloud',
  'not be processed in the cloud',
  'cloud is not allowed',
  'cloud is prohibited',
  'cloud is forbidden',
  'on premises only',
  'on prem only',
  'only on premises',
  'must stay on premises',
  'must remain on premises',
  'must not leave',
  'may not leave',
  'cannot leave',
  'never leave',
  'not leave the premises',
  'not leave the building',
  'not leave the country',
  'not be uploaded',
  'must not upload',
  'no upload',
  'no export',
  'not be exported',
  'export is prohibited',
  'export is not allowed',
  'air gapped',
  'air gapped network',
  'classified network only',
];

type Verdict = { statement: Statement; phrase: string; scope: 'public' | 'any' };

/** "no export restrictions" says the opposite of "no export": such phrases are dropped before matching. */
const NOT_A_BAN =
  /\bno\s+(?:public\s+)?(?:cloud|export|upload)s?\s+(?:restrictions?|limits?|limitations?|controls?|constraints?|requirements?|issues?)\b/gi;

function forbidsCloud(statement: Statement): Verdict | undefined {
  let text = plainWords(statement.text.replace(NOT_A_BAN, ' '));
  const pub = mentions(text, NO_PUBLIC_CLOUD);
  // "public cloud is not allowed" must not read as "cloud is not allowed": take the public-cloud bans out first.
  for (const phrase of NO_PUBLIC_CLOUD) text = text.replaceAll(plainWords(phrase), ' ');
  const any = mentions(text, NO_OFF_PREMISES);
  if (any) return { statement, phrase: any, scope: 'any' };
  if (pub) return { statement, phrase: pub, scope: 'public' };
  return undefined;
}

export const restrictedDataInCloud = rule(
  {
    id: 'policy/restricted-data-in-cloud',
    category: 'policy',
    severity: 'error',
    phases: ['design'],
    roles: ['data-engineer', 'product-owner', 'operations'],
    description:
      'Data whose restrictions or policies forbid the cloud (or leaving the premises) is not served from a cloud deployment.',
    rationale:
      'A model deployed where its data may not go cannot legally go live: the deployment must be redone on another platform, or the data owner must grant an exception, late and under pressure.',
    remedy:
      'Deploy on a platform the data policy allows (on premises, a private or government cloud), or obtain and record a written exception in the raw data restrictions and the system context policies.',
    tec: [],
    examples: ['M07-04', 'M16-09'],
    needs: ['production-environment'],
  },
  ({ facts, report }) => {
    const statements: Statement[] = [
      ...facts.all('raw-data').flatMap(rawDataPolicies),
      ...facts.all('system-context').flatMap(contextPolicies),
    ];
    const verdicts = statements.map(forbidsCloud).filter((v): v is Verdict => v !== undefined);
    if (verdicts.length === 0) return;
    for (const env of facts.all('production-environment')) {
      const platform = env.data.deployment_platform;
      if (platform !== 'cloud' && platform !== 'private-cloud') continue;
      // One finding per policy statement and environment: each is its own conversation.
      for (const { statement, phrase, scope } of verdicts) {
        if (platform === 'private-cloud' && scope === 'public') continue;
        const d = statement.descriptor;
        const banned = scope === 'public' ? 'the public cloud' : 'the cloud and leaving the premises';
        const where =
          platform === 'cloud' ? 'the cloud' : 'a private cloud, which is off premises unless hosted on site';
        report({
          message: `${d.kind} \`${d.name}\` rules out ${banned} (${statement.what}: "${phrase}"); production-environment \`${env.name}\` is deployed on ${where}`,
          cite: [
            { descriptor: d, path: statement.path },
            { descriptor: env, path: ['deployment_platform'] },
          ],
          key: statement.what,
          // A private cloud may be hosted on the premises; whether it counts is for the data owner to say.
          severity: platform === 'private-cloud' ? 'warning' : 'error',
        });
      }
    }
  },
);
