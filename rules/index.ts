import type { RuleDefinition } from '../src/engine/rule.js';
import blameShifting from './blame-shifting.js';
import crisisNotEscalated from './crisis-not-escalated.js';
import dismissiveEmotion from './dismissive-emotion.js';
import forbiddenPhrase from './forbidden-phrase.js';
import ignoredHumanRequest from './ignored-human-request.js';
import missingClosing from './missing-closing.js';
import missingEmpathy from './missing-empathy.js';
import missingGreeting from './missing-greeting.js';
import missingNextStep from './missing-next-step.js';
import negativeWording from './negative-wording.js';
import piiExposure from './pii-exposure.js';
import reviewManipulation from './review-manipulation.js';
import robotReply from './robot-reply.js';
import slowFirstResponse from './slow-first-response.js';
import slowResponse from './slow-response.js';
import unansweredCustomer from './unanswered-customer.js';
import vagueCommitment from './vague-commitment.js';

/** Every built-in rule, by id. A rule that is not listed here does not exist. */
export const BUILTIN_RULES: ReadonlyMap<string, RuleDefinition<any>> = new Map(
  [
    blameShifting,
    missingEmpathy,
    missingNextStep,
    robotReply,
    slowFirstResponse,
    slowResponse,
    unansweredCustomer,
    ignoredHumanRequest,
    crisisNotEscalated,
    dismissiveEmotion,
    negativeWording,
    forbiddenPhrase,
    reviewManipulation,
    vagueCommitment,
    piiExposure,
    missingGreeting,
    missingClosing,
  ].map((rule) => [rule.meta.id, rule as RuleDefinition<any>]),
);
