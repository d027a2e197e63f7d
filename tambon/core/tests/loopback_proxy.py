"""A TCP proxy on loopback in front of a real server (Redis in these tests), to give the code the
faults of a bad day without stopping the server the other tests share: the server down
(connections refused), frozen (connections taken, nothing answered), or one answer lost on the
way back after the server acted on the request."""

import contextlib
import socket
import threading


class LoopbackProxy:
    def __init__(self, host, port):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.mode = "up"  # "up", "down" or "frozen"
        self.connections_tried = 0
        self.answers_cut = 0
        self.requests_unanswered = 0  # messages that came while frozen
        self._cut_markers = ()
        self._open = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, scheme="redis", path="/0"):
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def go_down(self):
        """Like a killed server: what is open breaks, new connections are refused."""
        self.mode = "down"
        with self._lock:
            for connection in self._open:
                _close(connection)
            self._open.clear()

    def freeze(self):
        """Like a server stopped with SIGSTOP: connections are taken, nothing is answered."""
        self.mode = "frozen"

    def come_back(self):
        self.mode = "up"

    def cut_next_answer_to(self, *markers):
        """The next request holding one of these bytes reaches the server; its answer does not
        reach the client (the connection is cut instead)."""
        self._cut_markers = markers

    def close(self):
        self.go_down()
        _close(self.listener)

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections_tried += 1
            if self.mode == "down":
                _close(client)
                continue
            with self._lock:
                self._open.append(client)
            if self.mode == "frozen":
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
                continue
            server = socket.create_connection(self.target)
            with self._lock:
                self._open.append(server)
            state = {"cut": False}
            threading.Thread(
                target=self._requests, args=(client, server, state), daemon=True
            ).start()
            threading.Thread(
                target=self._answers, args=(server, client, state), daemon=True
            ).start()

    def _requests(self, client, server, state):
        while data := _receive(client):
            if self.mode == "frozen":
                self.requests_unanswered += 1
                continue
            if any(marker in data for marker in self._cut_markers):
                self._cut_markers = ()
                state["cut"] = True
            server.sendall(data)
        _close(server)

    def _swallow(self, client):
        while _receive(client):
            self.requests_unanswered += 1

    def _answers(self, server, client, state):
        while data := _receive(server):
            if state["cut"] or self.mode == "frozen":
                if state["cut"]:
                    self.answers_cut += 1
                    _close(client)
                    _close(server)
                    return
                continue
            client.sendall(data)
        _close(client)


def _receive(connection):
    try:
        return connection.recv(65536)
    except OSError:
        return b""


def _close(connection):
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)
    connection.close()
