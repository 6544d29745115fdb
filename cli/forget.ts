// `npm run report -- --forget U…`: deletes one person's questions and votes. Its own module so that
// report.ts only hands the flag over. The salt is the one the function uses (USER_HASH_SALT, or read
// from SSM by USER_HASH_SALT_PARAM): the table holds only HMAC(salt, user id), never the id itself.
import { ConfigError, cliStoreSettings, cliUserHashSalt, type SecretReader } from '../functions/config.ts';
import { createDynamoClient, documentClient } from '../functions/store/dynamo-sdk.ts';
import { forgetUser } from '../functions/store/forget.ts';
import { hashUser } from '../functions/store/hash.ts';

// A human waits here, not Slack: allow a slow network and a long scan page.
const CLIENT_TIMEOUTS = { connectionTimeoutMs: 3_000, requestTimeoutMs: 30_000, maxAttempts: 3 };
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Deletes the questions and votes of `userId` and returns the line to print; ConfigError for bad input. */
export async function forget(
  userId: string,
  // Unset: config.ts reads process.env, as everywhere else.
  env?: Record<string, string | undefined>,
  readSecrets?: SecretReader,
): Promise<string> {
  if (!SLACK_USER_ID.test(userId)) {
    throw new ConfigError(
      `--forget needs a Slack user id (U… or W…, from the person's profile → ⋮ → Copy member ID), got "${userId}".`,
    );
  }
  const { tableName, endpoint, region } = cliStoreSettings(env);
  const salt = await cliUserHashSalt(env, readSecrets);
  const client = createDynamoClient({ endpoint, region, ...CLIENT_TIMEOUTS });
  try {
    const { questions, votes } = await forgetUser(documentClient(client), tableName, hashUser(userId, salt));
    return (
      `Deleted ${questions} question${questions === 1 ? '' : 's'} and ${votes} vote${votes === 1 ? '' : 's'} ` +
      `of ${userId} from ${tableName}. Point-in-time recovery still holds them for up to 35 days.`
    );
  } finally {
    client.destroy();
  }
}
