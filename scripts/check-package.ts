/**
 * Checks what `npm run package` produced in .serverless/ against the deployment's promises: the table
 * is on-demand with TTL and point-in-time recovery, no IAM grant uses a wildcard action or
 * Resource "*", the worker has a dead-letter queue as its on-failure destination, lambda:InvokeFunction
 * is granted on the worker only and sqs:SendMessage on that queue only, no secret value is in the
 * template or the zip, and the zip is small.
 * Run after `npm run package` (CI does both); exits non-zero with one line per broken promise.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipEntries } from './zip.ts';

const dir = process.argv[2] ?? '.serverless';
const templatePath = join(dir, 'cloudformation-template-update-stack.json');
const zipPath = join(dir, 'bidrag-bot.zip');
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

/** The broken promises in a template and the zip beside it; empty when all hold. */
export function checkTemplate(parsed: unknown, zipText: string): string[] {
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
        if (queue === undefined || !deadLetterQueues.has(queue)) {
          problems.push(
            `${where}: sqs:SendMessage on ${JSON.stringify(resource)}, not the dead-letter queue`,
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
  const problems = checkTemplate(template, entries.map((e) => e.text).join('\n'));
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
      `sqs:SendMessage: its dead-letter queue only), on-failure destination, no secrets; ` +
      `zip ${zipBytes} bytes, ${entries.length} files (${ENTRIES.join(', ')} and their chunks)`,
  );
}

// Run as a script (npm run check:package), not when a test imports the checks.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
