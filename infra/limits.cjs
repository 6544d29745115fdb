// Limits that keep a flood (a misbehaving integration, a loop between bots, someone hammering the URL)
// from becoming a bill or starving the account's other functions. All are deploy parameters
// (serverless.yml → params), so an account picks its own without editing this file:
// - HTTP API throttling (apiRateLimit, apiBurstLimit): requests over it get 429 from API Gateway before
//   any Lambda runs. osls has no `httpApi` setting for it, so it extends the generated HttpApiStage.
// - Reserved concurrency per function (`<function>ReservedConcurrency`: slackReservedConcurrency for
//   the one function, its acks and answers alike): 0 or unset means none. Reserving takes concurrency
//   out of the account's unreserved pool, and AWS refuses a reservation that would leave fewer than
//   100 unreserved, so an account with a low quota (new accounts may have 10) must not reserve at all or the deploy fails.
//   Decided here, at package time, because osls's own `reservedConcurrency: 0` means the opposite
//   (reserve zero: the function never runs).
// Loaded by osls as `${file(infra/limits.cjs)}`, offline. CommonJS because osls require()s it.

const { deployError, functionLogicalId } = require('./osls.cjs');

/** A deploy parameter as a whole number ≥ 0, or a readable error naming it. */
function count(name, value) {
  const number = Number(value ?? 0);
  if (!Number.isInteger(number) || number < 0) {
    throw deployError(
      'resources',
      `--param="${name}=…" must be a whole number (0 or more), got "${value}" (serverless.yml → params)`,
    );
  }
  return number;
}

module.exports = async ({ resolveVariable }) => {
  const functions = (await resolveVariable('self:functions')) ?? {};
  const params = (await resolveVariable('self:custom.limits')) ?? {};
  const extensions = {
    HttpApiStage: {
      Properties: {
        DefaultRouteSettings: {
          ThrottlingRateLimit: count('apiRateLimit', params.apiRateLimit),
          ThrottlingBurstLimit: count('apiBurstLimit', params.apiBurstLimit),
        },
      },
    },
  };
  for (const name of Object.keys(functions)) {
    const key = `${name}ReservedConcurrency`;
    const reserved = count(key, params.reservedConcurrency?.[name]);
    if (reserved > 0) {
      extensions[functionLogicalId(name)] = { Properties: { ReservedConcurrentExecutions: reserved } };
    }
  }
  return { extensions };
};
