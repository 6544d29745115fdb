// `npm run report -- --forget U…`: deletes one person's questions, votes, and their DM's claims and
// context; exits non-zero with a warning when nothing matched (a wrong salt matches nothing). Its own module so that
// report.ts only hands the flag over. The salt is the one the function uses (USER_HASH_SALT, or read
// from SSM by USER_HASH_SALT_PARAM): the table holds only HMAC(salt, user id), never the id itself.
import { ConfigError, cliStoreSettings, cliUserHashSalt, type SecretReader } from '../functions/config.ts';
import { createDynamoClient, documentClient } from '../functions/store/dynamo.ts';
import { forgetUser } from '../functions/store/forget.ts';
import { hashUser } from '../functions/store/hash.ts';

// A human waits here, not Slack: allow a slow network and a long scan page.
const CLIENT_TIMEOUTS = { connectionTimeoutMs: 3_000, requestTimeoutMs: 30_000, maxAttempts: 3 };
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Deletes what `userId` left and returns the line to print; ConfigError for bad input or no match. */
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
    const { questions, votes, conversation } = await forgetUser(
      documentClient(client),
      tableName,
      hashUser(userId, salt),
    );
    if (questions + votes + conversation === 0) {
      // Either they never asked, or the salt is not the function's: every hash then misses.
      throw new ConfigError(
        `Warning: nothing of ${userId} found in ${tableName}, so nothing was deleted. If they did ask the bot, ` +
          'USER_HASH_SALT is not the one the function uses (read it from SSM with USER_HASH_SALT_PARAM).',
      );
    }
    const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return (
      `Deleted ${plural(questions, 'question')}, ${plural(votes, 'vote')} and ${plural(conversation, 'claim or context item')} ` +
      `of ${userId} from ${tableName}. Point-in-time recovery still holds them for up to 35 days.`
    );
  } finally {
    client.destroy();
  }
}
