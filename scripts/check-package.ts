/**
 * Checks what `npm run package` produced in .serverless/ against the deployment's promises: the table
 * is on-demand with TTL and point-in-time recovery, no IAM grant uses a wildcard action or
 * Resource "*", the worker has a dead-letter queue as its on-failure destination, lambda:InvokeFunction
 * is granted on the worker only and sqs:SendMessage on that queue only, no secret value is in the
 * template or the zip, and the zip is small; and operations: HTTP API throttling, reserved concurrency
 * wired from its deploy parameter per function, alarms (each function's errors and throttles, the ack
 * duration, store failures, every dead-letter queue's depth) that notify an SNS topic, and a dashboard
 * whose custom metrics are ones the code publishes.
 * Run after `npm run package` (CI does both); exits non-zero with one line per broken promise.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNT_METRICS, DURATION_METRICS, METRICS_NAMESPACE } from '../functions/metrics.ts';
import { zipEntries } from './zip.ts';

const dir = process.argv[2] ?? '.serverless';
const templatePath = join(dir, 'cloudformation-template-update-stack.json');
const zipPath = join(dir, 'bidrag-bot.zip');
const statePath = join(dir, 'serverless-state.json');
const MAX_ZIP_BYTES = 1_000_000;
/** Environment variables that would hold a secret's value; only their `_PARAM` names may be deployed. */
const SECRET_VARS = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'USER_HASH_SALT'];
/** The two functions' entry files in the zip. */
const ENTRIES = ['functions/slack.mjs', 'functions/worker.mjs'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The logical id a `{ "Fn::GetAtt": [id, "Arn"] }` or `{ "Ref": id }` points at, if it is one. */
function target(value: Json | undefined): string | undefined {
  if (!isObj(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return typeof value.Ref === 'string' ? value.Ref : undefined;
}

/** Every IAM policy statement in the template, with where it was found. */
function statements(resources: Obj): { where: string; statement: Obj }[] {
  const found: { where: string; statement: Obj }[] = [];
  const visit = (node: Json, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        visit(n, `${where}[${i}]`);
      });
    } else if (isObj(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Statement')
          for (const s of asList(value)) if (isObj(s)) found.push({ where, statement: s });
        visit(value, `${where}.${key}`);
      }
    }
  };
  for (const [name, resource] of Object.entries(resources)) visit(resource, name);
  return found;
}

/** What the check reads of osls's serverless-state.json: the functions and their concurrency settings. */
export interface PackageState {
  service: {
    functions: Record<string, unknown>;
    custom?: { limits?: { reservedConcurrency?: Record<string, unknown> } };
  };
}

const KNOWN_METRICS = new Set<string>([...COUNT_METRICS, ...DURATION_METRICS]);
const refTo = (value: Json | undefined): string | undefined =>
  isObj(value) && typeof value.Ref === 'string' ? value.Ref : undefined;
/** osls's logical id of a function, from the file infra/alarms.cjs and infra/limits.cjs use. */
const { functionLogicalId } = createRequire(import.meta.url)('../infra/osls.cjs') as {
  functionLogicalId: (name: string) => string;
};

/** Throttling, reserved concurrency, alarms and the dashboard; see the file's header. */
function checkOperations(
  resources: Obj,
  state: PackageState | undefined,
  deadLetterQueues: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const ofType = (type: string) =>
    Object.entries(resources).filter(([, r]) => isObj(r) && r.Type === type) as [string, Obj][];
  const props = (resource: Obj): Obj => (isObj(resource.Properties) ? resource.Properties : {});

  const stages = ofType('AWS::ApiGatewayV2::Stage');
  if (stages.length === 0) problems.push('no HTTP API stage to throttle');
  for (const [name, stage] of stages) {
    const route = props(stage).DefaultRouteSettings;
    const limits = isObj(route) ? route : {};
    for (const key of ['ThrottlingRateLimit', 'ThrottlingBurstLimit']) {
      const value = limits[key];
      if (typeof value !== 'number' || value <= 0) problems.push(`${name}: no ${key} (HTTP API throttling)`);
    }
  }

  const functions = ofType('AWS::Lambda::Function');
  const wanted = state?.service.custom?.limits?.reservedConcurrency ?? {};
  for (const [name, fn] of functions) {
    const reserved = props(fn).ReservedConcurrentExecutions;
    // 0 would not mean "no reservation": it stops the function from ever running.
    if (
      reserved !== undefined &&
      (typeof reserved !== 'number' || !Number.isInteger(reserved) || reserved < 1)
    ) {
      problems.push(
        `${name}: ReservedConcurrentExecutions ${JSON.stringify(reserved)} is not a positive whole number`,
      );
    }
  }
  if (state !== undefined) {
    for (const fnName of Object.keys(state.service.functions)) {
      const id = functionLogicalId(fnName);
      if (!(fnName in wanted)) {
        problems.push(
          `${id}: no custom.limits.reservedConcurrency.${fnName} (${fnName}ReservedConcurrency param)`,
        );
        continue;
      }
      const param = Number(wanted[fnName]);
      const fn = resources[id];
      const reserved = isObj(fn) ? props(fn).ReservedConcurrentExecutions : undefined;
      if ((param > 0 ? param : undefined) !== reserved) {
        problems.push(
          `${id}: ReservedConcurrentExecutions ${reserved} does not follow its parameter (${param})`,
        );
      }
    }
  }

  const topics = new Set(ofType('AWS::SNS::Topic').map(([name]) => name));
  if (topics.size === 0) problems.push('no SNS topic for the alarms');
  const alarms = ofType('AWS::CloudWatch::Alarm').map(([name, alarm]) => ({ name, p: props(alarm) }));
  if (alarms.length < 2) problems.push(`expected at least two alarms, found ${alarms.length}`);
  const dimension = (p: Obj, dimensionName: string): Json | undefined =>
    asList(p.Dimensions).find((d) => isObj(d) && d.Name === dimensionName) as Json | undefined;
  const alarmsOn = (namespace: string, metric: string) =>
    alarms.filter(({ p }) => p.Namespace === namespace && p.MetricName === metric);
  for (const { name, p } of alarms) {
    const actions = asList(p.AlarmActions).map(refTo);
    if (actions.length === 0 || actions.some((a) => a === undefined || !topics.has(a))) {
      problems.push(`${name}: AlarmActions do not notify the SNS topic`);
    }
    if (p.Namespace === METRICS_NAMESPACE && !KNOWN_METRICS.has(String(p.MetricName))) {
      problems.push(`${name}: alarms on ${String(p.MetricName)}, which functions/metrics.ts never publishes`);
    }
  }
  for (const [name] of functions) {
    for (const metric of ['Errors', 'Throttles']) {
      const on = alarmsOn('AWS/Lambda', metric).filter(({ p }) => {
        const d = dimension(p, 'FunctionName');
        return isObj(d) && refTo(d.Value) === name;
      });
      if (on.length === 0) problems.push(`${name}: no alarm on its ${metric}`);
    }
  }
  if (alarmsOn('AWS/Lambda', 'Duration').length === 0) problems.push('no alarm on the ack duration');
  if (alarmsOn(METRICS_NAMESPACE, 'StoreFailure').length === 0) problems.push('no alarm on StoreFailure');
  // A metric-math alarm names its metrics inside `Metrics`, not in MetricName.
  if (!alarms.some(({ p }) => JSON.stringify(p.Metrics ?? null).includes('"MetricName":"PostUnknown"'))) {
    problems.push('no alarm on the rate of PostUnknown');
  }
  // The on-failure destinations, and any queue named like a dead-letter queue.
  const queues = ofType('AWS::SQS::Queue').map(([name]) => name);
  for (const queue of queues.filter((name) => deadLetterQueues.has(name) || /DeadLetterQueue$/.test(name))) {
    const depth = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible').filter(({ p }) =>
      JSON.stringify(dimension(p, 'QueueName') ?? null).includes(`"${queue}"`),
    );
    if (depth.length === 0) problems.push(`${queue}: no alarm on its depth (custom.alarms.deadLetterQueues)`);
  }

  const dashboards = ofType('AWS::CloudWatch::Dashboard');
  if (dashboards.length === 0) problems.push('no CloudWatch dashboard');
  for (const [name, dashboard] of dashboards) {
    const body = props(dashboard).DashboardBody;
    const text = typeof body === 'string' ? body : isObj(body) ? body['Fn::Sub'] : undefined;
    let widgets: Json[] = [];
    try {
      const parsed = JSON.parse(typeof text === 'string' ? text : '') as Json;
      widgets = isObj(parsed) ? asList(parsed.widgets) : [];
    } catch {
      problems.push(`${name}: DashboardBody is not JSON`);
    }
    for (const widget of widgets) {
      const metrics = isObj(widget) && isObj(widget.properties) ? asList(widget.properties.metrics) : [];
      for (const row of metrics) {
        if (Array.isArray(row) && row[0] === METRICS_NAMESPACE && !KNOWN_METRICS.has(String(row[1]))) {
          problems.push(`${name}: shows ${String(row[1])}, which functions/metrics.ts never publishes`);
        }
      }
    }
  }
  return problems;
}

/** The broken promises in a template and the zip beside it (and osls's state, when given); empty when all hold. */
export function checkTemplate(parsed: unknown, zipText: string, state?: PackageState): string[] {
  const problems: string[] = [];
  // JSON.parse output, or a test's literal: JSON values either way.
  const template = parsed as Json;
  const resources = isObj(template) && isObj(template.Resources) ? template.Resources : {};
  const ofType = (type: string) =>
    Object.entries(resources).filter(([, r]) => isObj(r) && r.Type === type) as [string, Obj][];

  const tables = ofType('AWS::DynamoDB::Table');
  if (tables.length !== 1) problems.push(`expected one DynamoDB table, found ${tables.length}`);
  for (const [name, table] of tables) {
    const p = isObj(table.Properties) ? table.Properties : {};
    if (p.BillingMode !== 'PAY_PER_REQUEST') problems.push(`${name}: BillingMode is not PAY_PER_REQUEST`);
    const ttl = isObj(p.TimeToLiveSpecification) ? p.TimeToLiveSpecification : {};
    if (ttl.Enabled !== true || ttl.AttributeName !== 'ttl')
      problems.push(`${name}: TTL on "ttl" is not enabled`);
    const pitr = isObj(p.PointInTimeRecoverySpecification) ? p.PointInTimeRecoverySpecification : {};
    if (pitr.PointInTimeRecoveryEnabled !== true) problems.push(`${name}: point-in-time recovery is off`);
  }

  for (const { where, statement } of statements(resources)) {
    // The framework's deployment-bucket policy denies every s3 action (s3:*) to everyone (Principal "*")
    // over plain HTTP: a wildcard in a Deny narrows access, so only grants are held to the rule.
    if (statement.Effect !== 'Allow') continue;
    if ('NotAction' in statement || 'NotResource' in statement)
      problems.push(`${where}: NotAction/NotResource`);
    for (const action of asList(statement.Action)) {
      if (typeof action !== 'string' || action.includes('*'))
        problems.push(`${where}: wildcard action ${action}`);
    }
    for (const resource of asList(statement.Resource)) {
      if (resource === '*') problems.push(`${where}: Resource "*"`);
    }
  }

  // The worker's on-failure destination: a queue of this template, so no undelivered work vanishes.
  const queues = new Set(ofType('AWS::SQS::Queue').map(([name]) => name));
  const invokeConfigs = ofType('AWS::Lambda::EventInvokeConfig').map(([, c]) =>
    isObj(c.Properties) ? c.Properties : {},
  );
  const deadLetter = new Map<string, string>(); // function → queue
  for (const config of invokeConfigs) {
    const destination = isObj(config.DestinationConfig) ? config.DestinationConfig : {};
    const onFailure = isObj(destination.OnFailure) ? destination.OnFailure : {};
    const fn = target(config.FunctionName);
    const queue = target(onFailure.Destination);
    if (fn !== undefined && queue !== undefined && queues.has(queue)) deadLetter.set(fn, queue);
  }
  if (deadLetter.size === 0) {
    problems.push('no function has an SQS queue of this template as its on-failure destination');
  }
  const workers = new Set(deadLetter.keys());
  const deadLetterQueues = new Set(deadLetter.values());
  // A worker's own delay queue (its SQS event source) may be written to as well (functions/deferral.ts).
  const workerQueues = new Set(deadLetterQueues);
  for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
    const props = isObj(mapping.Properties) ? mapping.Properties : {};
    const fn = target(props.FunctionName);
    const queue = target(props.EventSourceArn);
    if (fn !== undefined && workers.has(fn) && queue !== undefined && queues.has(queue))
      workerQueues.add(queue);
  }

  for (const { where, statement } of statements(resources)) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asList(statement.Action);
    const resourcesOf = asList(statement.Resource);
    // Only the worker (the function with the dead-letter queue) may be invoked, by the ack or by itself.
    if (actions.includes('lambda:InvokeFunction')) {
      for (const resource of resourcesOf) {
        const fn = target(resource);
        if (fn === undefined || !workers.has(fn)) {
          problems.push(`${where}: lambda:InvokeFunction on ${JSON.stringify(resource)}, not the worker`);
        }
      }
    }
    if (actions.includes('sqs:SendMessage')) {
      for (const resource of resourcesOf) {
        const queue = target(resource);
        if (queue === undefined || !workerQueues.has(queue)) {
          problems.push(
            `${where}: sqs:SendMessage on ${JSON.stringify(resource)}, not the dead-letter or delay queue`,
          );
        }
      }
    }
  }

  const functions = ofType('AWS::Lambda::Function');
  if (functions.length === 0) problems.push('no Lambda function in the template');
  const provided = new Set<string>();
  for (const [name, fn] of functions) {
    const props = isObj(fn.Properties) ? fn.Properties : {};
    const env =
      isObj(props.Environment) && isObj(props.Environment.Variables) ? props.Environment.Variables : {};
    for (const secret of SECRET_VARS) {
      if (secret in env) problems.push(`${name}: ${secret} is deployed as an environment value`);
      // Each function names only the secrets it reads; whatever it names must be this app's parameter.
      const param = env[`${secret}_PARAM`];
      if (param === undefined) continue;
      provided.add(secret);
      if (typeof param !== 'string' || !param.startsWith('/bidrag-bot/')) {
        problems.push(`${name}: ${secret}_PARAM is not an SSM parameter name of this app`);
      }
    }
  }
  for (const secret of SECRET_VARS) {
    if (!provided.has(secret)) problems.push(`no function reads ${secret} (${secret}_PARAM is missing)`);
  }

  problems.push(...checkOperations(resources, state, deadLetterQueues));

  // A secret that leaked would look like a Slack token, or be the very value in this shell's environment.
  const text = JSON.stringify(template);
  const slackToken = /xox[abposr]-[0-9A-Za-z-]{10,}/;
  if (slackToken.test(text)) problems.push('template contains something shaped like a Slack token');
  if (slackToken.test(zipText)) problems.push('zip contains something shaped like a Slack token');
  for (const secret of SECRET_VARS) {
    const value = process.env[secret];
    if (value && value.length >= 8 && (text.includes(value) || zipText.includes(value))) {
      problems.push(`the value of $${secret} appears in the package`);
    }
  }
  return problems;
}

function main(): void {
  const template: unknown = JSON.parse(readFileSync(templatePath, 'utf8'));
  const zip = readFileSync(zipPath);
  const entries = zipEntries(zip);
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as PackageState;
  const problems = checkTemplate(template, entries.map((e) => e.text).join('\n'), state);
  const zipBytes = statSync(zipPath).size;
  if (zipBytes > MAX_ZIP_BYTES) problems.push(`zip is ${zipBytes} bytes, over ${MAX_ZIP_BYTES}`);
  for (const entry of ENTRIES) {
    if (!entries.some((e) => e.name === entry)) problems.push(`zip has no ${entry}`);
  }

  if (problems.length > 0) {
    for (const p of problems) console.error(`✗ ${p}`);
    process.exit(1);
  }
  console.log(
    `✓ ${templatePath}: on-demand table with TTL and PITR, least-privilege IAM (invoke: the worker only; ` +
      `sqs:SendMessage: its dead-letter and delay queues only), on-failure destination, no secrets; ` +
      'API throttling, reserved concurrency from its parameters, alarms to SNS, a dashboard; ' +
      `zip ${zipBytes} bytes, ${entries.length} files (${ENTRIES.join(', ')} and their chunks)`,
  );
}

// Run as a script (npm run check:package), not when a test imports the checks.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
