"""The original design's example, end to end: a script calls `fetch_user("123")` as if it were
synchronous; the host's `async def fetch_user` does a real HTTP GET (asyncio streams) against a
JSON server on loopback that this program starts; the script is suspended meanwhile and
resumes with the decoded user.

    python3 examples/python/fetch_user.py     # prints: User 123 (user123@example.com)

Finds the rhai package next to this checkout (bindings/python) and librhai.so as the package
does (RHAI_LIBRARY, else the build tree, else the installed library).
"""
import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bindings" / "python"))
import rhai  # noqa: E402


async def serve_users(reader, writer):
    """GET /users/<id> -> {"id", "name", "email"} as JSON."""
    path = (await reader.readline()).decode().split(" ")[1]
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    uid = path.rsplit("/", 1)[-1]
    body = json.dumps({"id": uid, "name": f"User {uid}", "email": f"user{uid}@example.com"}).encode()
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                 b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    await writer.drain()
    writer.close()


async def http_get_json(host, port, path):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()  # the server closes the connection after the body
    writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    if status != 200:
        raise RuntimeError(f"GET {path}: HTTP {status}")
    return json.loads(body)


async def main():
    server = await asyncio.start_server(serve_users, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    engine = rhai.Engine()

    async def fetch_user(id):
        return await http_get_json("127.0.0.1", port, f"/users/{id}")

    engine.register_function("fetch_user", fetch_user)
    result = await engine.eval_async('let user = fetch_user("123"); user.name + " (" + user.email + ")"')
    print(result)
    engine.close()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
