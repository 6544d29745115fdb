// Stand-in for packages Bolt imports but never calls on Lambda (see esbuild.cjs). Empty on purpose:
// a property read gives undefined, so a real use (new WebSocket, express(), jwt.sign) throws a
// TypeError at once instead of half-working.
module.exports = {};
