// What the pane's "Vì sao?" shows for a finding's rule: the same name, explanation and advice as
// the help page, from the rule's record and the help guide. Loaded by the pane only when asked.

import { RULES } from "../core/rules";
import { RULE_GUIDE } from "./guide";

export interface RuleHelp {
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  todo: string | null;
  todoEn: string | null;
}

export function ruleHelp(id: string): RuleHelp | null {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) return null;
  const guide = RULE_GUIDE[id];
  return {
    name: rule.name,
    nameEn: rule.nameEn,
    description: rule.description,
    descriptionEn: rule.descriptionEn,
    todo: guide?.todo ?? null,
    todoEn: guide?.todoEn ?? null,
  };
}
