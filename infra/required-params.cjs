// Deploy parameters without a default: `${param:slackBotId, file(infra/required-params.cjs):slackBotId}`
// in serverless.yml lands here only when the parameter was not given, and stops the package or deploy
// with a message that says which flag to pass, instead of osls's "Value not found at param source".
// Plugin-free: osls calls a function it finds in a JS file, offline. CommonJS because osls require()s it.

const { deployError } = require('./osls.cjs');

const REQUIRED = {
  slackBotId: {
    // Only the worker builds a Bolt App (which needs both ids); the ack needs the user id alone.
    setting: 'functions.worker.environment.SLACK_BOT_ID',
    example: 'B0123ABCD',
    where: 'the "bot_id" of: curl -s -H "Authorization: Bearer xoxb-…" https://slack.com/api/auth.test',
  },
  slackBotUserId: {
    setting: 'provider.environment.SLACK_BOT_USER_ID',
    example: 'U0123ABCD',
    where: 'the "user_id" of the same auth.test call',
  },
};

function missing(name) {
  const { setting, example, where } = REQUIRED[name];
  const all = Object.entries(REQUIRED)
    .map(([key, value]) => `--param="${key}=${value.example}"`)
    .join(' ');
  return () => {
    throw deployError(
      setting,
      `the deploy parameter ${name} is not set. Pass --param="${name}=${example}" (${where}), e.g.\n` +
        `  npx sls deploy --stage prod ${all}\n` +
        '(README → Deploy to AWS, step 4)',
    );
  };
}

module.exports = Object.fromEntries(Object.keys(REQUIRED).map((name) => [name, missing(name)]));
