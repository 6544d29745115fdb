// Stand-in for packages Bolt imports but never calls on Lambda (see esbuild.cjs). Importing it is
// harmless; using it throws at once, naming what was used, instead of half-working: reading any
// export (new InstallProvider(), express.Router, jwt.sign) or calling the module itself (express(),
// rawBody(req)); `new` on the module itself is a TypeError. Only the probes bundlers and TypeScript
// make while importing a CommonJS module (`__esModule`, symbols) answer undefined.
const fail = (what) => {
  throw new Error(
    `${what} belongs to a package infra/esbuild.cjs replaces with infra/unused-on-lambda.cjs because ` +
      'the Lambda handler never uses it; if it is needed now, remove that alias.',
  );
};

module.exports = new Proxy(() => undefined, {
  get(_target, key) {
    if (typeof key === 'symbol' || key === '__esModule') return undefined;
    return fail(`"${key}"`);
  },
  apply: () => fail('A call'),
  // No own keys: `export *` and __importStar copy nothing, so importing never reads an export.
  ownKeys: () => [],
  has: () => false,
});
