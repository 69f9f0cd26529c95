"""A tiny HTTP/1.1 server and client on asyncio streams, for tests that need real network I/O.

The server answers GET /user/<id> with a JSON user, GET /slow/<ms> after that many
milliseconds, anything else with 404; it counts requests. http_get counts the client connections it has open."""
import asyncio
import json


class LoopbackServer:
    def __init__(self):
        self.requests = 0
        self.slow_active = 0  # /slow requests being served right now, and the most at once
        self.slow_peak = 0
        self._server = None
        self.port = None

    async def __aenter__(self):
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc):
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader, writer):
        try:
            request_line = (await reader.readline()).decode()
            while (await reader.readline()) not in (b"\r\n", b""):
                pass  # headers: not needed
            self.requests += 1
            status, body = await self._route(request_line.split(" ")[1])
            data = json.dumps(body).encode()
            writer.write(f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n".encode() + data)
            await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _route(self, path):
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "user":
            uid = parts[1]
            return "200 OK", {"id": uid, "name": f"User {uid}", "email": f"u{uid}@example.com"}
        if len(parts) == 2 and parts[0] == "slow":
            self.slow_active += 1
            self.slow_peak = max(self.slow_peak, self.slow_active)
            try:
                await asyncio.sleep(int(parts[1]) / 1000)
            finally:
                self.slow_active -= 1
            return "200 OK", {"slept_ms": int(parts[1])}
        return "404 Not Found", {"error": f"no route {path}"}


open_clients = 0  # client connections of http_get not closed yet


async def http_get(port, path):
    """GET http://127.0.0.1:port/path -> (status code, decoded JSON body)."""
    global open_clients
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    open_clients += 1
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return status, json.loads(await reader.readexactly(length))
    finally:
        writer.close()
        open_clients -= 1
