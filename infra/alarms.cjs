// CloudWatch alarms, their SNS topic and a small dashboard, generated from serverless.yml so that every
// function gets its own alarms without a copy per function: a function added under `functions:` (the
// `worker`, say) gets Errors and Throttles alarms and its dashboard row by itself; one with an
// `httpApi` event also gets the ack-duration alarm (Slack gives up after 3 s). Dead-letter queues are
// named in `custom.alarms.deadLetterQueues` (their logical ids, e.g. WorkerDeadLetterQueue), since a
// queue is a resource, not a function. The README's runbook says what each alarm means and what to do.
//
// Loaded by osls as `${file(infra/alarms.cjs)}` (a function of the variable resolver), offline: it reads
// only serverless.yml, never AWS. CommonJS because osls loads it with require().

const { functionLogicalId } = require('./osls.cjs');

/** Slack retries a request that has no answer after 3 s; alarm with some room before that. */
const ACK_ALARM_MS = 2_500;
/** Store failures in 5 minutes that mean DynamoDB is failing, not one slow call. */
const STORE_FAILURES_ALARM = 5;
const FIVE_MINUTES = 300;
/**
 * Replies of unknown outcome (a post timed out or broke mid-answer: maybe posted, never repeated), in
 * per cent of the questions answered, over 15 minutes. A few in a day is Slack being slow; more means
 * replies may be going missing without anyone seeing them.
 */
const POST_UNKNOWN_PERCENT = 5;
const REPLY_METRICS = ['Answered', 'Unstated', 'Suggested', 'Fallback'];

/** PostUnknown as a share of the replies (metric math); +1 so a quiet period cannot divide by zero. */
function postUnknownRateAlarm(service) {
  const metric = (Id, MetricName) => ({
    Id,
    ReturnData: false,
    MetricStat: {
      Metric: { Namespace: service, MetricName, Dimensions: [{ Name: 'service', Value: service }] },
      Period: 3 * FIVE_MINUTES,
      Stat: 'Sum',
    },
  });
  const replies = REPLY_METRICS.map((_name, i) => `FILL(r${i}, 0)`).join(' + ');
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: `Replies of unknown outcome (PostUnknown) were ${POST_UNKNOWN_PERCENT} % or more of the replies in 15 minutes: Slack is slow to answer posts, and some replies may be lost. See README → Runbook → Unknown post outcomes.`,
      ActionsEnabled: true,
      AlarmActions: [{ Ref: 'AlarmTopic' }],
      OKActions: [{ Ref: 'AlarmTopic' }],
      TreatMissingData: 'notBreaching',
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: POST_UNKNOWN_PERCENT,
      Metrics: [
        metric('unknown', 'PostUnknown'),
        ...REPLY_METRICS.map((name, i) => metric(`r${i}`, name)),
        {
          Id: 'rate',
          Label: 'PostUnknown, % of replies',
          Expression: `100 * FILL(unknown, 0) / (${replies} + 1)`,
          ReturnData: true,
        },
      ],
    },
  };
}

/** One alarm that notifies the topic when it fires and when it clears; no data is not an alarm. */
function alarm(description, metric) {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: description,
      ActionsEnabled: true,
      AlarmActions: [{ Ref: 'AlarmTopic' }],
      OKActions: [{ Ref: 'AlarmTopic' }],
      TreatMissingData: 'notBreaching',
      Period: FIVE_MINUTES,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      ...metric,
    },
  };
}

const lambdaMetric = (logicalId, MetricName, rest) => ({
  Namespace: 'AWS/Lambda',
  MetricName,
  Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId } }],
  ...rest,
});

/** Per function: errors (crashes and timeouts) and throttles; for the HTTP function, the ack duration. */
function functionAlarms(name, fn) {
  const id = functionLogicalId(name);
  const Name = id.replace(/LambdaFunction$/, '');
  const resources = {
    [`${Name}ErrorsAlarm`]: alarm(
      `${name}: the function crashed or timed out (Lambda Errors). See README → Runbook → Errors.`,
      lambdaMetric(id, 'Errors', { Statistic: 'Sum', Threshold: 1 }),
    ),
    [`${Name}ThrottlesAlarm`]: alarm(
      `${name}: invocations were refused for lack of concurrency (Lambda Throttles). See README → Runbook → Throttles.`,
      lambdaMetric(id, 'Throttles', { Statistic: 'Sum', Threshold: 1 }),
    ),
  };
  const http = (fn.events ?? []).some((event) => event && typeof event === 'object' && 'httpApi' in event);
  if (http) {
    resources[`${Name}AckDurationAlarm`] = alarm(
      `${name}: twice in 15 minutes a request took ${ACK_ALARM_MS} ms or more; Slack retries after 3 s. See README → Runbook → Ack duration.`,
      lambdaMetric(id, 'Duration', {
        Statistic: 'Maximum',
        Threshold: ACK_ALARM_MS,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
      }),
    );
  }
  return resources;
}

function deadLetterAlarm(queueId) {
  return alarm(
    `${queueId} holds replies that could not be delivered. See README → Runbook → Dead-letter queue.`,
    {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 1,
    },
  );
}

/** The dashboard's JSON body, with ${…} placeholders that Fn::Sub fills in at deploy time. */
function dashboardBody(namespace, functionIds, httpIds, queueIds) {
  const custom = (names, stat) =>
    names.map((metricName) => [namespace, metricName, 'service', namespace, { stat }]);
  const widget = (title, metrics, extra = {}) => ({
    type: 'metric',
    width: 12,
    height: 6,
    properties: {
      title,
      region: `\${AWS::Region}`, // filled in by Fn::Sub at deploy time
      view: 'timeSeries',
      period: FIVE_MINUTES,
      metrics,
      ...extra,
    },
  });
  const perFunction = (metricName, stat) =>
    functionIds.map((id) => ['AWS/Lambda', metricName, 'FunctionName', `\${${id}}`, { stat }]);
  const widgets = [
    widget(
      'Questions by outcome (per 5 min)',
      custom(['Answered', 'Unstated', 'Suggested', 'Fallback', 'FollowUp'], 'Sum'),
    ),
    widget(
      'Failures and conflicts (per 5 min)',
      custom(
        ['PostFailure', 'PostUnknown', 'PostDeferred', 'StoreFailure', 'QuestionLogFailure', 'ClaimConflict'],
        'Sum',
      ),
    ),
    widget(
      'Ack latency (ms): Slack retries after 3,000',
      [
        ...custom(['AckLatency'], 'p50'),
        ...custom(['AckLatency'], 'p99'),
        ...httpIds.map((id) => ['AWS/Lambda', 'Duration', 'FunctionName', `\${${id}}`, { stat: 'Maximum' }]),
      ],
      { annotations: { horizontal: [{ label: "Slack's deadline", value: 3_000 }] } },
    ),
    widget('Invocations, errors and throttles', [
      ...perFunction('Invocations', 'Sum'),
      ...perFunction('Errors', 'Sum'),
      ...perFunction('Throttles', 'Sum'),
    ]),
  ];
  if (queueIds.length > 0) {
    widgets.push(
      widget(
        'Dead-letter queue depth',
        queueIds.map((id) => [
          'AWS/SQS',
          'ApproximateNumberOfMessagesVisible',
          'QueueName',
          `\${${id}.QueueName}`,
          { stat: 'Maximum' },
        ]),
      ),
    );
  }
  return JSON.stringify({ widgets });
}

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  const functions = (await resolveVariable('self:functions')) ?? {};
  const settings = (await resolveVariable('self:custom.alarms')) ?? {};
  const queueIds = settings.deadLetterQueues ?? [];

  const names = Object.keys(functions);
  const functionIds = names.map(functionLogicalId);
  const httpIds = names
    .filter((name) =>
      (functions[name].events ?? []).some((e) => e && typeof e === 'object' && 'httpApi' in e),
    )
    .map(functionLogicalId);

  const Resources = {
    AlarmTopic: {
      Type: 'AWS::SNS::Topic',
      Properties: { TopicName: `${service}-${stage}-alarms`, DisplayName: `${service} ${stage} alarms` },
    },
    StoreFailuresAlarm: alarm(
      `DynamoDB calls failed or timed out ${STORE_FAILURES_ALARM} times or more in 5 minutes (StoreFailure). See README → Runbook → Store failures.`,
      {
        Namespace: service,
        MetricName: 'StoreFailure',
        Dimensions: [{ Name: 'service', Value: service }],
        Statistic: 'Sum',
        Threshold: STORE_FAILURES_ALARM,
      },
    ),
    PostUnknownRateAlarm: postUnknownRateAlarm(service),
    Dashboard: {
      Type: 'AWS::CloudWatch::Dashboard',
      Properties: {
        DashboardName: `${service}-${stage}`,
        DashboardBody: { 'Fn::Sub': dashboardBody(service, functionIds, httpIds, queueIds) },
      },
    },
  };
  // Only with an address: a deploy without --param="alarmEmail=…" still works, and the topic can get
  // subscribers later (console, CLI) without a redeploy. AWS mails a confirmation link first.
  if (settings.email) {
    Resources.AlarmEmailSubscription = {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: settings.email },
    };
  }
  for (const name of names) Object.assign(Resources, functionAlarms(name, functions[name]));
  for (const queueId of queueIds) Resources[`${queueId}DepthAlarm`] = deadLetterAlarm(queueId);

  return {
    Resources,
    Outputs: {
      AlarmTopicArn: {
        Description: 'SNS topic of the alarms: subscribe more addresses or a chat integration here',
        Value: { Ref: 'AlarmTopic' },
      },
      DashboardUrl: {
        Description: 'CloudWatch dashboard of the bot',
        Value: {
          'Fn::Sub': `https://\${AWS::Region}.console.aws.amazon.com/cloudwatch/home?region=\${AWS::Region}#dashboards:name=${service}-${stage}`,
        },
      },
    },
  };
};
