// What the JS files osls loads from serverless.yml (infra/*.cjs) share: osls's naming of the resources
// it generates, and an error osls prints as it is. CommonJS because osls require()s them.

// osls passes its own errors through unchanged (no stack trace, no "Returned JS function errored
// with"), and recognises them by the class name and a message that starts like its own.
class ServerlessError extends Error {}

/** A readable deploy-time error about the setting at `path` (e.g. "provider.environment.SLACK_BOT_ID"). */
function deployError(path, message) {
  return new ServerlessError(`Cannot resolve variable at "${path}": ${message}`);
}

/** osls's logical id of a function's AWS::Lambda::Function: `slack` → `SlackLambdaFunction`. */
function functionLogicalId(name) {
  const normalized = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return `${normalized[0].toUpperCase()}${normalized.slice(1)}LambdaFunction`;
}

module.exports = { deployError, functionLogicalId };
