import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../scripts/check-package.ts';
import { zipEntries, zipOne } from '../../../scripts/zip.ts';

/** The shape `sls package` produces, reduced to what the check reads; overrides break one promise each. */
function template(
  overrides: {
    table?: object;
    statements?: object[];
    env?: Record<string, string>;
    invokeConfig?: object;
  } = {},
) {
  return {
    Resources: {
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
      expect.stringMatching(/sqs:SendMessage .*other.*not the dead-letter queue/),
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

describe('zip reading and writing', () => {
  it('reads back what the bench writes', () => {
    const code = Buffer.from('export const handler = async () => ({ statusCode: 200 });\n'.repeat(50));
    expect(zipEntries(zipOne('functions/slack.mjs', code))).toEqual([
      { name: 'functions/slack.mjs', text: code.toString() },
    ]);
    expect(deflateRawSync(code).length).toBeLessThan(code.length);
  });
});
