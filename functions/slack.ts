// The ack function: Slack's HTTP endpoint, wiring only. It verifies the signature, validates the
// payload's shape, hands real work to the worker function (an asynchronous Invoke) and answers 200,
// so Slack's 3-second deadline never depends on Slack's API, DynamoDB or the engine: none of them is
// loaded here (the Lambda client is imported on first hand-over). This is Bolt for Python's "lazy
// listener", built from what AWS provides; functions/worker.ts does the answering.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type AckConfig, loadAckConfig } from './config.ts';
import { handOver } from './handover.ts';
import { classify } from './inbound.ts';
import { describeError, logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { forWorker } from './payload.ts';
import { errorResponse, parseBody, readRequest } from './request.ts';
import { verifySignature } from './signature.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

let config: Promise<AckConfig> | undefined;

function retryHeaders(headers: Record<string, string>): { retryNum?: number; retryReason?: string } {
  const retryNum = Number(headers['x-slack-retry-num']);
  return Number.isInteger(retryNum)
    ? { retryNum, retryReason: headers['x-slack-retry-reason'] ?? 'unknown' }
    : {};
}

// Module scope, not per cold start: the ack latency of a request whose cold start fails counts too.
const metrics = createMetrics();

/** API Gateway (HTTP API, payload v2) → 200 / 400 / 401; errors become status codes here and nowhere else. */
export const handler: Handler = async (event, context) => {
  const started = performance.now();
  // Every line of this invocation carries the request id, the function and whether it is a cold start.
  logger.addContext(context);
  try {
    // A failed cold start (SSM unreachable) is not cached: the next request tries again.
    config ??= loadAckConfig().catch((error: unknown) => {
      config = undefined;
      throw error;
    });
    const { signingSecret, botUserId, worker } = await config;
    const request = readRequest(event);
    verifySignature(request, signingSecret);
    const body = parseBody(request);
    const inbound = classify(body, botUserId);
    if (inbound.kind === 'challenge') {
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challenge: inbound.challenge }),
      };
    }
    if (inbound.kind === 'ignore') {
      logger.info('Not for the bot', { reason: inbound.reason });
      return { statusCode: 200, body: '' };
    }
    // Only the fields the worker reads, texts capped: far below Lambda's limit for the Invoke (payload.ts).
    await handOver(worker, {
      body: forWorker(body),
      receivedAt: Date.now(),
      ...retryHeaders(request.headers),
    });
    logger.info('Handed over', { what: inbound.what });
    // An empty 200 is Slack's "acknowledged": for /bidrag it shows nothing, and the answer follows
    // through response_url from the worker.
    return { statusCode: 200, body: '' };
  } catch (error) {
    const response = errorResponse(error);
    const level = (response.statusCode ?? 500) < 500 ? logger.warn : logger.error;
    level.call(logger, 'Request refused', { status: response.statusCode, ...describeError(error) });
    return response;
  } finally {
    // Slack's wait, as far as the function sees it: verify, validate, hand over (or refuse).
    metrics.duration('AckLatency', performance.now() - started);
    metrics.flush();
  }
};
