// A rule of the routing table: its name (logged with every answer), the questions it exists for (its
// corpus, which test/unit/knowledge/rules.test.ts runs), and the decision, or null to let the next try.
import type { Decision, Scope } from './scope.ts';

export interface Rule {
  name: string;
  examples: string[];
  decide(s: Scope): Decision | null;
}
