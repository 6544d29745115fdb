// The button action_ids, in a module of their own so the ack function can recognise a click without
// loading the renderer (and the engine's text it imports).

/** action_ids the listeners match on. */
export const ACTION = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  /** Suggestion buttons are suggest_0, suggest_1, …: action_ids must be unique within a block. */
  suggestPrefix: 'suggest_',
} as const;

/** Matches the suggestion buttons' action_ids. */
export const SUGGEST_ACTION = /^suggest_\d+$/;

/** Matches the 👍 / 👎 buttons' action_ids. */
export const FEEDBACK_ACTION = new RegExp(`^(${ACTION.feedbackUp}|${ACTION.feedbackDown})$`);
