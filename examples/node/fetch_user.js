'use strict';
// The original design's example, end to end: an async JavaScript function does a real HTTP GET
// against a loopback server, and the script calls it as if it were synchronous.
//   bash bindings/node/scripts/install.sh && node examples/node/fetch_user.js   (librhai.so built)
const http = require('node:http');
const { Engine } = require('rhai-cpp'); // bindings/node (scripts/install.sh links it)

const USERS = { 123: { name: 'Ada Lovelace', email: 'ada@example.com' } };

function startServer() {
  const server = http.createServer((req, res) => {
    const user = USERS[req.url.replace('/users/', '')];
    res.writeHead(user ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(user || { error: 'no such user' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const engine = new Engine();
  engine.registerFunction('fetch_user', async (id) => {
    const res = await fetch(`${base}/users/${id}`);
    if (!res.ok) throw new Error(`fetch_user(${id}): HTTP ${res.status}`);
    return res.json();
  });
  try {
    const result = await engine.evalAsync('let user = fetch_user("123"); user.name + " (" + user.email + ")"');
    console.log(`result: ${result}`);
  } finally {
    engine.close();
    server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
