'use strict';
// Real asynchronous I/O behind host functions: HTTP on loopback (fetch and http.get) and
// files through fs/promises.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs/promises');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { Engine } = require('rhai-cpp');

// A loopback server: GET /users/<id> answers a JSON user after `delay` ms; unknown ids 404.
async function startServer(delay = 5) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const m = /^\/users\/(\w+)$/.exec(req.url);
    setTimeout(() => {
      if (!m || m[1] === 'missing') {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: m[1], name: `User ${m[1]}`, email: `u${m[1]}@example.com` }));
    }, delay);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, server, requests: () => requests, close: () => new Promise((r) => server.close(r)) };
}

function httpGet(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}

test('fetch against a loopback server from inside a script', async () => {
  const srv = await startServer();
  const e = new Engine();
  e.registerFunction('fetch_user', async (id) => {
    const res = await fetch(`${srv.base}/users/${id}`);
    if (!res.ok) throw new Error(`user ${id}: HTTP ${res.status}`);
    return res.json();
  });
  assert.equal(await e.evalAsync('let user = fetch_user("123"); user.name + " (" + user.email + ")"'), 'User 123 (u123@example.com)');
  const script = 'let r = ""; try { fetch_user("missing") } catch (err) { r = err } r';
  assert.equal(await e.evalAsync(script), 'user missing: HTTP 404');
  const names = await e.evalAsync('["1", "2", "3"].map(|id| fetch_user(id).name)');
  assert.deepEqual(names, ['User 1', 'User 2', 'User 3']);
  e.close();
  await srv.close();
});

test('http.get from 200 concurrent scripts overlaps the requests', async () => {
  const srv = await startServer(100);
  const e = new Engine();
  e.registerFunction('get', (url) => httpGet(url));
  e.registerFunction('base', () => srv.base);
  const t0 = Date.now();
  const runs = Array.from({ length: 200 }, (_, i) => e.evalAsync(`parse_json(get(base() + "/users/${i}")).id`));
  const ids = await Promise.all(runs);
  const ms = Date.now() - t0;
  assert.deepEqual(ids, Array.from({ length: 200 }, (_, i) => String(i)));
  assert.equal(srv.requests(), 200);
  assert.ok(ms < 10000, `200 requests of 100 ms each took ${ms} ms (serial: 20 s)`);
  e.close();
  await srv.close();
});

test('files through fs/promises: read, write, and an error the script catches', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rhai-node-'));
  const e = new Engine();
  e.registerFunction('read_file', (p) => fs.readFile(path.join(dir, p), 'utf8'));
  e.registerFunction('write_file', async (p, text) => { await fs.writeFile(path.join(dir, p), text); return text.length; });
  e.registerFunction('read_bytes', (p) => fs.readFile(path.join(dir, p)));
  await fs.writeFile(path.join(dir, 'in.txt'), 'hello\nworld\n');
  const script = `
    let lines = read_file("in.txt").split("\\n").filter(|l| l != "");
    let n = write_file("out.txt", lines.map(|l| l.to_upper()).reduce(|a, l| a + l + ";", ""));
    let missing = "";
    try { read_file("nope.txt") } catch (err) { missing = err }
    #{ n: n, bytes: read_bytes("out.txt").len(), missing: missing.contains("ENOENT") }`;
  assert.deepEqual(await e.evalAsync(script), { n: 12, bytes: 12, missing: true });
  assert.equal(await fs.readFile(path.join(dir, 'out.txt'), 'utf8'), 'HELLO;WORLD;');
  e.close();
  await fs.rm(dir, { recursive: true });
});
