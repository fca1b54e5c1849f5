"""`python -m apps.core.daphne_server [daphne's arguments]`: daphne, refusing request bodies the
moment a request's headers are in, before a body byte is read.

Twisted's Request buffers a whole body (in memory, or in a temporary file) before daphne hands
the request to the ASGI app, so a limit inside the app runs after the bytes are spent: a 600 MB
announced upload would be read in full before its 413. Here the request is checked when Twisted
learns the body's length (`gotLength`): a body announced larger than its limit
(apps/core/body_limit.py) is answered at once and the connection closed unread; a chunked body is
counted as it arrives and answered the moment it passes the limit. Every way this project starts
daphne (make dev, the Dockerfile, tests' and benchmarks' servers) goes through this module.
"""

from __future__ import annotations

import io
from typing import Any

# daphne.server installs Twisted's asyncio reactor, so daphne is imported before anything that
# imports twisted.internet.reactor.
from daphne.cli import CommandLineInterface
from daphne.http_protocol import HTTPFactory, WebRequest
from daphne.server import Server

from apps.core.body_limit import BodyLimit, BodyLimits


class BodyLimitedRequest(WebRequest):
    _limit: BodyLimit | None = None
    _received = 0
    _refused = False

    def gotLength(self, length: int | None) -> None:
        # Called once the headers are in and before any body byte; the request line is still
        # the channel's (Twisted sets the request's own uri only when the body is complete).
        headers = {name.lower() for name, _ in self.requestHeaders.getAllRawHeaders()}
        limits: BodyLimits = self.server.body_limits
        self._limit = limits.for_request(
            raw_path=self.channel._path,
            credentials=limits.carries_credentials(headers=headers, cookies=self.received_cookies),
        )
        if length is not None and length > self._limit.max_bytes:
            self.content = io.BytesIO()
            self._refuse()
            return
        super().gotLength(length)

    def handleContentChunk(self, data: bytes) -> None:
        if self._refused:
            return  # what was in the same network read as the refused request's headers
        self._received += len(data)
        if self._limit is not None and self._received > self._limit.max_bytes:
            self._refuse()
            return
        super().handleContentChunk(data)

    def requestReceived(self, command: bytes, path: bytes, version: bytes) -> None:
        if not self._refused:  # a refused body that still completed within the same read
            super().requestReceived(command, path, version)

    def _refuse(self) -> None:
        assert self._limit is not None
        self._refused = True
        # The answer takes the place of the "100 Continue" the client may be waiting for.
        self.requestHeaders.removeHeader(b"Expect")
        response = self._limit.response()
        peer = self.channel.transport.getPeer()  # an IP address, or a UNIX socket's
        self.channel.transport.write(response)
        self.channel.loseConnection()  # stops reading: the rest of the body is never received
        self.server.log_action(
            "http",
            "complete",
            {
                "path": self.channel._path.decode("latin-1"),
                "status": self._limit.status,
                "method": self.channel._command.decode("latin-1"),
                "client": f"{peer.host}:{peer.port}" if hasattr(peer, "port") else None,
                "time_taken": 0,
                "size": len(response),
            },
        )


class BodyLimitedHTTPFactory(HTTPFactory):
    def buildProtocol(self, addr: Any) -> Any:
        protocol = super().buildProtocol(addr)
        protocol.requestFactory = BodyLimitedRequest
        return protocol


class BodyLimitedServer(Server):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The ASGI application is loaded by now, and with it the Django settings.
        self.body_limits = BodyLimits.from_settings()

    # daphne's run() builds a plain HTTPFactory into this attribute and listens with whatever it
    # holds; daphne has no setting for the request class, so the factory is swapped here.
    @property
    def http_factory(self) -> HTTPFactory:
        return self._http_factory

    @http_factory.setter
    def http_factory(self, factory: HTTPFactory) -> None:
        self._http_factory = BodyLimitedHTTPFactory(factory.server)


class BodyLimitedCommandLine(CommandLineInterface):
    server_class = BodyLimitedServer


if __name__ == "__main__":
    BodyLimitedCommandLine.entrypoint()
