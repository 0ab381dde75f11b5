// The registry: every language and every rule. Adding a rule means adding one import line here.
import type { Language, Rule } from './types';
import { dockerLanguage } from './docker/language';
import { dockerRules } from './docker/index';
import { k8sLanguage } from './k8s/language';
import { k8sRules } from './k8s/index';
import { nginxLanguage } from './nginx/language';
import { nginxRules } from './nginx/index';
import { helmetLanguage } from './helmet/language';
import { helmetRules } from './helmet/index';

export const languages: Language[] = [dockerLanguage as Language, k8sLanguage as Language, nginxLanguage as Language, helmetLanguage as Language];

export const allRules: Rule[] = [...(dockerRules as Rule[]), ...(k8sRules as Rule[]), ...(nginxRules as Rule[]), ...(helmetRules as Rule[])];

const byId = new Map(allRules.map((r) => [r.id, r]));
if (byId.size !== allRules.length) throw new Error('Duplicate rule id in registry');

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function rulesOfDomain(domain: string): Rule[] {
  return allRules.filter((r) => r.domain === domain);
}
