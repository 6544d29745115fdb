// Stand-in for packages Bolt imports but never calls on Lambda (see esbuild.cjs). Empty on purpose:
// a property read gives undefined, so a real use of undici or iconv-lite throws a TypeError instead
// of half-working; mime-db just knows no types, which only Express would ask.
module.exports = {};
