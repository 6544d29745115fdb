// Business and health numbers as CloudWatch metrics, written as EMF (one JSON log line per invocation
// that CloudWatch turns into metrics: no PutMetricData call, no extra latency, no IAM grant). The
// listeners, the store wrapper and the Lambda entry see only the small port below, so a test or another
// entry point can count without knowing Powertools. infra/alarms.cjs alarms on these names.
import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Outcome } from '../knowledge/types.ts';
import { SERVICE_NAME } from './logger.ts';

/** Every count the bot publishes; each is one CloudWatch custom metric (with the `service` dimension). */
export const COUNT_METRICS = [
  /** A question got a sourced answer. */
  'Answered',
  /** The question was about the programme, but the documents do not say: worth a new FAQ entry. */
  'Unstated',
  /** A question got "did you mean" buttons. */
  'Suggested',
  /** A question got "I cannot answer that". */
  'Fallback',
  /** A question asked inside an existing thread: a follow-up in a conversation. */
  'FollowUp',
  /** A Slack message was already claimed (a retry or the twin app_mention/message event): no reply. */
  'ClaimConflict',
  /** A reply could not be posted to Slack: counted once per lost reply (not for its apology). */
  'PostFailure',
  /** A reply's post timed out or broke mid-answer: maybe posted, never repeated; nobody knows. */
  'PostUnknown',
  /** Slack asked for a wait longer than the invocation had left: the reply went to the deferral queue. */
  'PostDeferred',
  /** A DynamoDB call failed or timed out (any operation). */
  'StoreFailure',
  /** The question log write failed or timed out: the question is missing from the report. */
  'QuestionLogFailure',
] as const;

/** Every duration the bot publishes, in milliseconds. */
export const DURATION_METRICS = [
  /** From the HTTP request reaching the function to its response to Slack (Slack gives up after 3 s). */
  'AckLatency',
] as const;

export type CountMetric = (typeof COUNT_METRICS)[number];
export type DurationMetric = (typeof DURATION_METRICS)[number];
export type Metric = CountMetric | DurationMetric;

/** The namespace the metrics are published in; infra/alarms.cjs uses the same (serverless.yml's service). */
export const METRICS_NAMESPACE = SERVICE_NAME;

/** Which count an engine outcome adds to. */
export const OUTCOME_METRIC: Record<Outcome, CountMetric> = {
  answered: 'Answered',
  unstated: 'Unstated',
  suggest: 'Suggested',
  fallback: 'Fallback',
};

/** The port: record during an invocation, flush once at its end. */
export interface Metrics {
  count(name: CountMetric, value?: number): void;
  duration(name: DurationMetric, ms: number): void;
  /** Writes what was recorded since the last flush as one EMF line, if anything was; never throws. */
  flush(): void;
}

/**
 * Metrics published with Powertools as EMF on stdout. POWERTOOLS_METRICS_DISABLED=true (the tests) or
 * POWERTOOLS_DEV turns the output off; recording still works.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.count('Answered');
 * metrics.flush(); // at the end of the invocation
 */
export function createMetrics(): Metrics {
  const emf = new PowertoolsMetrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
  return {
    count: (name, value = 1) => emf.addMetric(name, MetricUnit.Count, value),
    duration: (name, ms) => emf.addMetric(name, MetricUnit.Milliseconds, ms),
    flush: () => {
      // Powertools warns on every empty flush; an invocation that counted nothing has nothing to say.
      if (!emf.hasStoredMetrics()) return;
      try {
        emf.publishStoredMetrics();
      } catch {
        // A metric must never cost a reply; Powertools clears its buffer even when serialising fails.
      }
    },
  };
}
