// Checks infra/slack-app-manifest.yml against Slack's app manifest schema, for the fields it uses, without
// the network (apps.manifest.validate would need a token). The schema is transcribed from:
// - @slack/web-api 8.2.0, dist/types/request/manifest.d.ts: Slack's own typed manifest (the fields, which
//   are required, the limits its comments state, the lists of bot scopes and events);
// - docs.slack.dev/reference/app-manifest: long_description is 174 to 4,000 characters;
// - docs.slack.dev/reference/scopes/assistant.write and docs.slack.dev/ai/developing-ai-apps: the bot
//   scope `assistant:write`, which that SDK version's scope list lacks;
// - docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts: at most four prompts.
// Strict objects: a misspelt or unknown key fails here as it would in Slack's app settings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { CONTENT } from '../../../knowledge/content.ts';

const words = (list: string) => list.trim().split(/\s+/);

/** BotScope in manifest.d.ts, plus assistant:write (docs.slack.dev/reference/scopes/assistant.write). */
const BOT_SCOPES = words(`
  app_mentions:read bookmarks:read bookmarks:write calls:read calls:write channels:history channels:join
  channels:manage channels:read channels:write.invites channels:write.topic chat:write chat:write.customize
  chat:write.public commands conversations.connect:manage conversations.connect:read
  conversations.connect:write datastore:read datastore:write dnd:read emoji:read files:read files:write
  groups:history groups:read groups:write groups:write.invites groups:write.topic im:history im:read im:write
  incoming-webhook links.embed:write links:read links:write metadata.message:read mpim:history mpim:read
  mpim:write mpim:write.invites mpim:write.topic none pins:read pins:write reactions:read reactions:write
  reminders:read reminders:write remote_files:read remote_files:share remote_files:write team.billing:read
  team.preferences:read team:read tokens.basic triggers:read triggers:write usergroups:read usergroups:write
  users.profile:read users:read users:read.email users:write workflow.steps:execute
  assistant:write
`);

/** ManifestEvent in manifest.d.ts. */
const BOT_EVENTS = words(`
  app_context_changed app_home_opened app_mention app_rate_limited app_requested app_uninstalled
  assistant_thread_context_changed assistant_thread_started call_rejected channel_archive channel_created
  channel_deleted channel_history_changed channel_id_changed channel_left channel_rename channel_shared
  channel_unarchive channel_unshared dnd_updated dnd_updated_user email_domain_changed emoji_changed
  entity_details_requested file_change file_comment_added file_comment_deleted file_comment_edited
  file_created file_deleted file_public file_shared file_unshared grid_migration_finished
  grid_migration_started group_archive group_close group_deleted group_history_changed group_left group_open
  group_rename group_unarchive im_close im_created im_history_changed im_open invite_requested link_shared
  member_joined_channel member_left_channel message message.app_home message.channels message.groups
  message.im message.mpim message_metadata_deleted message_metadata_posted message_metadata_updated pin_added
  pin_removed reaction_added reaction_removed resources_added resources_removed scope_denied scope_granted
  shared_channel_invite_accepted shared_channel_invite_approved shared_channel_invite_declined
  shared_channel_invite_received star_added star_removed subteam_created subteam_members_changed
  subteam_self_added subteam_self_removed subteam_updated team_access_granted team_access_revoked
  team_domain_change team_join team_rename tokens_revoked url_verification user_change user_huddle_changed
  user_profile_changed user_resource_denied user_resource_granted user_resource_removed user_status_changed
  workflow_deleted workflow_published workflow_step_deleted workflow_step_execute workflow_unpublished
`);

const https = z.string().regex(/^https:\/\/[^\s]+$/, { error: 'should be a full https URL' });
const prompt = z.strictObject({ title: z.string().min(1), message: z.string().min(1) });

const manifestSchema = z.strictObject({
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().max(140).optional(),
    long_description: z.string().min(174).max(4000).optional(),
    background_color: z
      .string()
      .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
      .optional(),
  }),
  features: z.strictObject({
    app_home: z
      .strictObject({
        home_tab_enabled: z.boolean().optional(),
        messages_tab_enabled: z.boolean().optional(),
        messages_tab_read_only_enabled: z.boolean().optional(),
      })
      .optional(),
    bot_user: z.strictObject({
      display_name: z
        .string()
        .max(80)
        .regex(/^[a-z0-9._-]+$/),
      always_online: z.boolean().optional(),
    }),
    assistant_view: z
      .strictObject({
        assistant_description: z.string().min(1),
        suggested_prompts: z.array(prompt).max(4).optional(),
      })
      .optional(),
    slash_commands: z
      .array(
        z.strictObject({
          command: z
            .string()
            .max(32)
            .regex(/^\/[^\s/]+$/),
          description: z.string().min(1).max(2000),
          should_escape: z.boolean().optional(),
          url: https.optional(),
          usage_hint: z.string().max(1000).optional(),
        }),
      )
      .max(50)
      .optional(),
  }),
  oauth_config: z.strictObject({
    scopes: z.strictObject({ bot: z.array(z.enum(BOT_SCOPES)).max(255) }),
  }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({
      request_url: https,
      bot_events: z.array(z.enum(BOT_EVENTS)).max(100),
    }),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: https.optional() }),
    org_deploy_enabled: z.boolean().optional(),
    socket_mode_enabled: z.boolean().optional(),
    token_rotation_enabled: z.boolean().optional(),
  }),
});

const manifestFile = new URL('../../../infra/slack-app-manifest.yml', import.meta.url);
const manifest = () => manifestSchema.parse(parse(readFileSync(manifestFile, 'utf8')));

describe('the Slack app manifest', () => {
  it('passes Slack’s manifest schema for every field it uses', () => {
    const result = manifestSchema.safeParse(parse(readFileSync(manifestFile, 'utf8')));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has the assistant panel: its view, the assistant:write scope and both assistant events', () => {
    const { features, oauth_config, settings } = manifest();
    expect(features.assistant_view?.assistant_description).toMatch(/statsbidraget/);
    expect(oauth_config.scopes.bot).toEqual(expect.arrayContaining(['assistant:write', 'users:read']));
    expect(settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['assistant_thread_started', 'assistant_thread_context_changed']),
    );
  });

  it('keeps its fallback prompts equal to the Swedish prompts the bot sets (phrases.yaml `assistant`)', () => {
    expect(manifest().features.assistant_view?.suggested_prompts).toEqual(CONTENT.assistant.prompts.sv);
  });

  it('keeps mentions, DMs, /bidrag and the Home tab as they were', () => {
    const { features, oauth_config, settings } = manifest();
    expect(settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']),
    );
    expect(oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['app_mentions:read', 'chat:write', 'im:history', 'commands']),
    );
    expect(features.slash_commands?.map((c) => c.command)).toEqual(['/bidrag']);
    expect(features.app_home?.home_tab_enabled).toBe(true);
  });
});

describe('the transcribed schema', () => {
  const valid = () => parse(readFileSync(manifestFile, 'utf8')) as Record<string, Record<string, unknown>>;

  it('rejects a scope Slack does not have', () => {
    const m = valid();
    m.oauth_config = { scopes: { bot: ['assistant:read'] } };
    expect(manifestSchema.safeParse(m).success).toBe(false);
  });

  it('rejects a fifth suggested prompt and a misspelt key', () => {
    const m = valid();
    const prompts = Array.from({ length: 5 }, (_, i) => ({ title: `t${i}`, message: `m${i}` }));
    m.features = {
      ...m.features,
      assistant_view: { assistant_description: 'x', suggested_prompts: prompts },
    };
    expect(manifestSchema.safeParse(m).success).toBe(false);
    const n = valid();
    n.features = { ...n.features, assistant_veiw: { assistant_description: 'x' } };
    expect(manifestSchema.safeParse(n).success).toBe(false);
  });
});
