// esbuild options for the Lambda bundle. One file so that `sls package` (via serverless-esbuild's
// `custom.esbuild.config`) and `npm run bench` (bench/bundle.ts) build exactly the same bundle.
// CommonJS because serverless-esbuild loads it with require().
const path = require('node:path');

// Bolt's CommonJS index loads every receiver and the OAuth installer, so esbuild cannot drop what a
// Lambda never calls. These packages are imported at load time but used only by code that never runs
// here, so they are replaced with an empty module:
// - undici: Socket Mode's WebSocket (@slack/web-api 8 itself uses Node's fetch);
// - iconv-lite: raw-body's charset decoding, for Bolt's HTTP receivers (AwsLambdaReceiver reads the
//   event body itself); with undici, about two thirds of Bolt's minified bundle;
// - express (and with it body-parser, send, qs, mime-db…): ExpressReceiver, never constructed here;
// - jsonwebtoken: the OAuth install flow's state parameter; this app uses one bot token, no OAuth;
// - @slack/oauth (InstallProvider), @slack/socket-mode, path-to-regexp (custom routes) and raw-body
//   (with http-errors, depd, statuses): used only inside the HTTP, Express and Socket Mode receivers'
//   constructors and request handlers, which AwsLambdaReceiver never runs.
// Measured (npm run bench): express and jsonwebtoken are another ~220 kB and ~30 ms of cold start;
// the last four another ~65 kB and ~13 ms of import. The stand-in throws if anything is ever used.
const unusedOnLambda = path.join(__dirname, 'unused-on-lambda.cjs');

// Bolt's own receivers and web-api's file-upload helpers are relative imports inside those packages,
// which `alias` cannot reach: this plugin replaces them with the same stand-in. Bolt's index and App.js
// require every receiver at load (App constructs HTTPReceiver or SocketModeReceiver only when given no
// receiver; the worker gives it one), and WebClient requires file-upload for filesUploadV2, which this
// bot never calls. About 40 kB less for the worker to compile before it answers.
const UNUSED_INSIDE = [
  {
    importer: /[\\/]@slack[\\/]bolt[\\/]dist[\\/]/,
    path: /^\.{1,2}\/(?:receivers\/)?(?:HTTPReceiver|ExpressReceiver|SocketModeReceiver|AwsLambdaReceiver|HTTPModuleFunctions|HTTPResponseAck|SocketModeFunctions|custom-routes)$/,
  },
  { importer: /[\\/]@slack[\\/]web-api[\\/]dist[\\/]/, path: /^\.\/file-upload$/ },
];
const unusedInside = {
  name: 'unused-inside-packages',
  setup(build) {
    build.onResolve({ filter: /^\.{1,2}\// }, (args) =>
      UNUSED_INSIDE.some((rule) => rule.importer.test(args.importer) && rule.path.test(args.path))
        ? { path: unusedOnLambda }
        : undefined,
    );
  },
};

// The knowledge's JSON (knowledge/compiled/content.json, ~280 kB, and the municipality list) as a
// JSON.parse of a string, not the object literal esbuild writes for a JSON import: V8 parses JSON faster
// than the same data as JavaScript, and a cold worker reads all of it before its first answer. Measured
// with callgrind on the bundled engine's first answer: ~14 M fewer instructions of ~500 M above Node's
// own start.
const fs = require('node:fs');
const contentAsJson = {
  name: 'content-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]knowledge[\\/](?:compiled|sources)[\\/][^\\/]+\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await fs.promises.readFile(args.path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/** @type {import('esbuild').BuildOptions & Record<string, unknown>} */
const options = {
  plugins: [unusedInside, contentAsJson],
  bundle: true,
  minify: true,
  // Minified names would turn error classes into `"error":"go"` in the logs, where the name is what
  // says why (HandOverError, StoreTimeoutError, ConfigError…). Costs a few kB.
  keepNames: true,
  // ESM so code splitting can load the lazily used parts (dynamic import() of chunks); `.mjs` so the
  // Lambda runtime treats it as ESM without a package.json in the zip.
  format: 'esm',
  outputFileExtension: '.mjs',
  // Code that only some paths need (the SSM client behind config.ts's dynamic import, the SDK's
  // credential providers other than the environment's, bowser) goes into chunks loaded on first use,
  // so a cold start without them neither reads nor compiles them. Measured (npm run bench): the
  // files loaded at start are ~0.5 MB instead of ~0.8 MB, and the import ~15 ms faster.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node22',
  // Prefer the ESM builds of dependencies: smaller, and tree-shaken.
  mainFields: ['module', 'main'],
  // CommonJS dependencies bundled into ESM still call require('node:…'); without a real `require`
  // the first event fails with `Dynamic require of "node:util" is not supported`.
  banner: {
    js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  },
  alias: {
    undici: unusedOnLambda,
    'iconv-lite': unusedOnLambda,
    express: unusedOnLambda,
    jsonwebtoken: unusedOnLambda,
    '@slack/oauth': unusedOnLambda,
    '@slack/socket-mode': unusedOnLambda,
    'path-to-regexp': unusedOnLambda,
    'raw-body': unusedOnLambda,
  },
  // Bundle @aws-sdk/* too (serverless-esbuild excludes only the v2 'aws-sdk' by default): the zip
  // then runs the SDK version the tests ran, not whatever the runtime ships that month.
  exclude: [],
  // No source map (it would more than double the zip and the bytes read at cold start) and no
  // licence comments: the zip is a deployment artefact, not a redistribution.
  sourcemap: false,
  legalComments: 'none',
};

/** Options for serverless-esbuild: the bundle above, built in a folder of this run's own. */
module.exports = () => ({
  ...options,
  // serverless-esbuild deletes its whole work folder after `sls package`; with the default `.esbuild`
  // a package run would delete the bundle a running `npm run dev` serves. scripts/dev.ts gives each
  // local stack its own folder; packaging uses another.
  outputWorkFolder: process.env.BUNDLE_WORK_FOLDER || '.esbuild/package',
});
module.exports.options = options;
