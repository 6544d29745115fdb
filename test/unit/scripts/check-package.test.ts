import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkTemplate, type PackageState } from '../../../scripts/check-package.ts';
import { zipEntries, zipOne } from '../../../scripts/zip.ts';

const alarmOn = (namespace: string, metric: string, dimension?: { Name: string; Value: unknown }) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    Namespace: namespace,
    MetricName: metric,
    Dimensions: dimension ? [dimension] : [],
    AlarmActions: [{ Ref: 'AlarmTopic' }],
  },
});
const fnAlarm = (metric: string, fn = 'Fn') =>
  alarmOn('AWS/Lambda', metric, { Name: 'FunctionName', Value: { Ref: fn } });

/** The operations part of a packaged template: throttling, topic, alarms, dashboard. */
function operations(): Record<string, object> {
  return {
    HttpApiStage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50 } },
    },
    AlarmTopic: { Type: 'AWS::SNS::Topic', Properties: {} },
    FnErrorsAlarm: fnAlarm('Errors'),
    FnThrottlesAlarm: fnAlarm('Throttles'),
    FnAckDurationAlarm: fnAlarm('Duration'),
    OtherErrorsAlarm: fnAlarm('Errors', 'Other'),
    OtherThrottlesAlarm: fnAlarm('Throttles', 'Other'),
    QueueDepthAlarm: alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
      Name: 'QueueName',
      Value: { 'Fn::GetAtt': ['Queue', 'QueueName'] },
    }),
    StoreFailuresAlarm: alarmOn('bidrag-bot', 'StoreFailure', { Name: 'service', Value: 'bidrag-bot' }),
    PostUnknownRateAlarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmActions: [{ Ref: 'AlarmTopic' }],
        Metrics: [
          { Id: 'unknown', MetricStat: { Metric: { Namespace: 'bidrag-bot', MetricName: 'PostUnknown' } } },
        ],
      },
    },
    Dashboard: {
      Type: 'AWS::CloudWatch::Dashboard',
      Properties: {
        DashboardBody: {
          'Fn::Sub': JSON.stringify({
            widgets: [{ properties: { metrics: [['bidrag-bot', 'Answered', 'service', 'bidrag-bot']] } }],
          }),
        },
      },
    },
  };
}

/** The shape `sls package` produces, reduced to what the check reads; overrides break one promise each. */
function template(
  overrides: {
    table?: object;
    statements?: object[];
    env?: Record<string, string>;
    invokeConfig?: object;
    fn?: object;
    resources?: Record<string, object | undefined>;
  } = {},
) {
  const resources: Record<string, object | undefined> = { ...operations(), ...overrides.resources };
  for (const [name, value] of Object.entries(resources)) if (value === undefined) delete resources[name];
  return {
    Resources: {
      ...resources,
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          ...overrides.table,
        },
      },
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Policies: [
            {
              PolicyDocument: {
                Statement: overrides.statements ?? [
                  {
                    Effect: 'Allow',
                    Action: ['dynamodb:PutItem'],
                    Resource: [{ 'Fn::GetAtt': ['Table', 'Arn'] }],
                  },
                ],
              },
            },
          ],
        },
      },
      Bucket: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          PolicyDocument: {
            Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['x'] }],
          },
        },
      },
      Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
      OtherQueue: { Type: 'AWS::SQS::Queue', Properties: {} },
      WorkerEvConf: {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: {
          FunctionName: { Ref: 'Fn' },
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Queue', 'Arn'] } } },
          ...overrides.invokeConfig,
        },
      },
      Other: { Type: 'AWS::Lambda::Function', Properties: {} },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          ...overrides.fn,
          Environment: {
            Variables: {
              SLACK_SIGNING_SECRET_PARAM: '/bidrag-bot/prod/slack-signing-secret',
              SLACK_BOT_TOKEN_PARAM: '/bidrag-bot/prod/slack-bot-token',
              USER_HASH_SALT_PARAM: '/bidrag-bot/prod/user-hash-salt',
              ...overrides.env,
            },
          },
        },
      },
    },
  };
}

describe('the packaged-template check', () => {
  it('fails a worker without a queue of the template as its on-failure destination', () => {
    const problems = checkTemplate(template({ invokeConfig: { DestinationConfig: {} } }), '');
    expect(problems).toEqual([expect.stringMatching(/on-failure destination/)]);
  });

  it('fails lambda:InvokeFunction on any function but the worker, and sqs:SendMessage on another queue', () => {
    const problems = checkTemplate(
      template({
        statements: [
          { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [{ 'Fn::GetAtt': ['Fn', 'Arn'] }] },
          {
            Effect: 'Allow',
            Action: 'lambda:InvokeFunction',
            Resource: [{ 'Fn::GetAtt': ['Other', 'Arn'] }],
          },
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: [{ 'Fn::GetAtt': ['Queue', 'Arn'] }] },
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: ['arn:aws:sqs:eu-north-1:1:other'] },
        ],
      }),
      '',
    );
    expect(problems).toEqual([
      expect.stringMatching(/lambda:InvokeFunction .*Other.*not the worker/),
      expect.stringMatching(/sqs:SendMessage .*other.*not the dead-letter or delay queue/),
    ]);
  });

  it('passes a template that keeps every promise (a Deny with s3:* is not a grant)', () => {
    expect(checkTemplate(template(), '')).toEqual([]);
  });

  it('fails provisioned billing, TTL off and PITR off', () => {
    const problems = checkTemplate(
      template({
        table: {
          BillingMode: 'PROVISIONED',
          TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: false },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
        },
      }),
      '',
    );
    expect(problems).toHaveLength(3);
  });

  it('fails a wildcard action and Resource "*"', () => {
    const problems = checkTemplate(
      template({ statements: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] }),
      '',
    );
    expect(problems.join('\n')).toMatch(/wildcard action dynamodb:\*/);
    expect(problems.join('\n')).toMatch(/Resource "\*"/);
  });

  it('fails a secret deployed as an environment value, and a token in the template or the zip', () => {
    const token = `xoxb-${'1234567890'}-abcdefghij`;
    expect(checkTemplate(template({ env: { SLACK_BOT_TOKEN: token } }), '').join('\n')).toMatch(
      /SLACK_BOT_TOKEN is deployed|Slack token/,
    );
    expect(checkTemplate(template(), `const t="${token}"`)).toEqual([
      'zip contains something shaped like a Slack token',
    ]);
  });
});

describe('the packaged-template check, for operations', () => {
  /** osls's state for a function `fn` (logical id FnLambdaFunction) and its concurrency parameter. */
  const state = (reserved: unknown): PackageState => ({
    service: { functions: { fn: {} }, custom: { limits: { reservedConcurrency: { fn: reserved } } } },
  });
  const withFunction = (fn: object = {}) =>
    template({
      resources: { FnLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: fn } },
    });

  it('fails a missing or zero HTTP API throttle', () => {
    const problems = checkTemplate(
      template({
        resources: {
          HttpApiStage: {
            Type: 'AWS::ApiGatewayV2::Stage',
            Properties: { DefaultRouteSettings: { ThrottlingRateLimit: 0 } },
          },
        },
      }),
      '',
    );
    expect(problems).toEqual([
      'HttpApiStage: no ThrottlingRateLimit (HTTP API throttling)',
      'HttpApiStage: no ThrottlingBurstLimit (HTTP API throttling)',
    ]);
  });

  it('fails a reservation of 0, which would stop the function instead of leaving it unreserved', () => {
    expect(checkTemplate(template({ fn: { ReservedConcurrentExecutions: 0 } }), '').join('\n')).toMatch(
      /Fn: ReservedConcurrentExecutions 0 is not a positive whole number/,
    );
  });

  it('checks that reserved concurrency follows its deploy parameter, per function', () => {
    // Parameter 0: no reservation in the template. Parameter 5: exactly 5.
    expect(checkTemplate(withFunction(), '', state(0)).filter((p) => p.includes('Reserved'))).toEqual([]);
    expect(
      checkTemplate(withFunction({ ReservedConcurrentExecutions: 5 }), '', state(5)).filter((p) =>
        p.includes('Reserved'),
      ),
    ).toEqual([]);
    expect(checkTemplate(withFunction(), '', state(5))).toContain(
      'FnLambdaFunction: ReservedConcurrentExecutions undefined does not follow its parameter (5)',
    );
    // A function added without its parameter (e.g. the worker before custom.limits names it).
    expect(
      checkTemplate(withFunction(), '', { service: { functions: { fn: {} }, custom: { limits: {} } } }),
    ).toContain('FnLambdaFunction: no custom.limits.reservedConcurrency.fn (fnReservedConcurrency param)');
  });

  it('fails fewer than two alarms, no topic, and an alarm that notifies nobody', () => {
    const problems = checkTemplate(
      template({
        resources: {
          AlarmTopic: undefined,
          FnErrorsAlarm: undefined,
          FnThrottlesAlarm: undefined,
          StoreFailuresAlarm: undefined,
          PostUnknownRateAlarm: undefined,
          // Left: the ack-duration alarm; these are the other function's and the queue's.
          OtherErrorsAlarm: undefined,
          OtherThrottlesAlarm: undefined,
          QueueDepthAlarm: undefined,
        },
      }),
      '',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'no SNS topic for the alarms',
        'expected at least two alarms, found 1',
        'FnAckDurationAlarm: AlarmActions do not notify the SNS topic',
        'Fn: no alarm on its Errors',
        'Fn: no alarm on its Throttles',
        'no alarm on StoreFailure',
        'no alarm on the rate of PostUnknown',
      ]),
    );
  });

  it('fails a dead-letter queue without a depth alarm (the worker merge must name it)', () => {
    const problems = checkTemplate(
      template({ resources: { WorkerDeadLetterQueue: { Type: 'AWS::SQS::Queue' } } }),
      '',
    );
    expect(problems).toEqual([
      'WorkerDeadLetterQueue: no alarm on its depth (custom.alarms.deadLetterQueues)',
    ]);
    const alarmed = template({
      resources: {
        WorkerDeadLetterQueue: { Type: 'AWS::SQS::Queue' },
        WorkerDeadLetterQueueDepthAlarm: alarmOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': ['WorkerDeadLetterQueue', 'QueueName'] },
        }),
      },
    });
    expect(checkTemplate(alarmed, '')).toEqual([]);
  });

  it('fails an on-failure destination queue without a depth alarm, whatever its name', () => {
    expect(checkTemplate(template({ resources: { QueueDepthAlarm: undefined } }), '')).toEqual([
      'Queue: no alarm on its depth (custom.alarms.deadLetterQueues)',
    ]);
  });

  it('fails no dashboard, and alarms or widgets on metrics the code never publishes', () => {
    const problems = checkTemplate(
      template({
        resources: {
          Dashboard: undefined,
          TypoAlarm: alarmOn('bidrag-bot', 'StoreFailures'),
        },
      }),
      '',
    );
    expect(problems).toEqual([
      'TypoAlarm: alarms on StoreFailures, which functions/metrics.ts never publishes',
      'no CloudWatch dashboard',
    ]);
    const typoWidget = template({
      resources: {
        Dashboard: {
          Type: 'AWS::CloudWatch::Dashboard',
          Properties: {
            DashboardBody: JSON.stringify({
              widgets: [{ properties: { metrics: [['bidrag-bot', 'Answerd']] } }],
            }),
          },
        },
      },
    });
    expect(checkTemplate(typoWidget, '')).toEqual([
      'Dashboard: shows Answerd, which functions/metrics.ts never publishes',
    ]);
  });
});

describe('zip reading and writing', () => {
  it('reads back what the bench writes', () => {
    const code = Buffer.from('export const handler = async () => ({ statusCode: 200 });\n'.repeat(50));
    expect(zipEntries(zipOne('functions/slack.mjs', code))).toEqual([
      { name: 'functions/slack.mjs', text: code.toString() },
    ]);
    expect(deflateRawSync(code).length).toBeLessThan(code.length);
  });
});
