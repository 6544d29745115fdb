/**
 * Imported first by the project's scripts that load the AWS SDK (`npm run report`, `npm run dev`):
 * the SDK prints an eight-line NodeVersionSupportWarning on Node 20 the first time a client is made.
 * Node 20 is fine here (Lambda runs 22); the SDK's releases from 2027 will need Node ≥ 22. Set in the
 * process, not in package.json, so it works in every shell (Windows' cmd has no `VAR=value cmd`).
 */
// An explicit value (even "false", to see the notice) is kept; unset or empty means quiet.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ||= 'true';
