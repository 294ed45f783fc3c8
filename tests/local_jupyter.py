"""A real Jupyter server for the tests (``jupyter server`` with formgrader, ``jupyter lab`` for
the browser): this venv's, on a free port of 127.0.0.1 with a token of its own, its output in a
log, stopped afterwards."""
import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


class Server:
    def __init__(self, port, token, log):
        self.url, self.token, self.log = f"http://127.0.0.1:{port}", token, log

    def call(self, path, method="GET", body=None):
        """A REST API call as the logged-in user; the decoded JSON."""
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running(app, cwd, log, *options, timeout=90):
    """Yields a Server once ``jupyter <app>`` (``server`` or ``lab``), started in ``cwd`` with
    ``options``, answers /api/status; raises with the end of its log if it exits or takes longer
    than ``timeout`` seconds."""
    port, token = free_port(), secrets.token_hex(16)
    command = [str(Path(sys.executable).parent / "jupyter"), app, "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               *(["--allow-root"] if os.geteuid() == 0 else []), *options]
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
    server = Server(port, token, Path(log))
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                server.call("/api/status")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"jupyter {app} did not start:\n{server.log.read_text()[-3000:]}") from None
                time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
