"""One kernel's line to its agent. The agent is installed by a jupyter execute_request whose user
expression returns its reply under the agent's MIME type; the requests then go over a Unix socket
to the agent's loop in the kernel's main thread (``agent.loop``). The kernel is the student's: it
may die, hang or answer garbage, and each of these becomes a StudentProcessError, never a crash of
the grader."""
import json
import queue
import select
import shutil
import socket
import tempfile
import time
import uuid
from pathlib import Path

from ..sandbox import agent
from .errors import StudentProcessError, process_error
from .wire import MAX_ITEMS, malformed

AGENT_SOURCE = Path(agent.__file__).read_text()
MAX_REPLY_CHARS = 64 * 1024 ** 2    # a reply's JSON
MAX_REPLY_BYTES = 1024 ** 3         # its arrays together (a model's weights, the MNIST test set)
INTERRUPT_GRACE = 10.0   # seconds an interrupted request has to come back before the kernel is given up
POLL = 0.5               # seconds between checks that the kernel is alive


class Channel:
    """Requests to the agent in one kernel. ``client``: a started BlockingKernelClient (shell
    channel); ``alive()`` and ``interrupt()`` act on the kernel; ``timeout``: seconds per request;
    ``folder``: where the line's socket is made, a folder the kernel sees at the same path (its
    private folder; None: a temporary one, for kernels that are not sandboxed).
    After a death or an interrupt that did not help, every request fails with the same message."""

    def __init__(self, client, alive, interrupt, timeout, folder=None):
        self.client, self.alive, self.interrupt, self.timeout = client, alive, interrupt, timeout
        self.folder = folder
        self.broken = None     # why the kernel cannot be used any more
        self.line = None       # the connected socket of the agent's loop
        self.loop_id = None    # the execute_request that runs the loop

    def install(self):
        """Put the agent in the kernel; after this, ``request`` works."""
        self.expression(agent.INSTALL.format(source=repr(AGENT_SOURCE)), "installing the grader's agent")

    def request(self, message, buffers, what):
        """The agent's reply (a dict) to ``message`` and the reply's buffers; ``buffers``: those of
        the message; ``what`` names the request in messages."""
        self.check()
        if self.line is None:
            self.open_line()
        try:
            agent.send(self.line, json.dumps(message, allow_nan=True).encode(), buffers)
        except OSError:
            self.lose(f"the student's kernel closed the grader's line while running {what}")
        wait = Wait(self, what)
        text = self.read_frame(wait, MAX_REPLY_CHARS)
        count = agent.FRAME.unpack(self.read_frame(wait, agent.FRAME.size))[0]
        if count > MAX_ITEMS:
            self.lose("the student's kernel sent a reply with too many arrays")
        budget = MAX_REPLY_BYTES
        replied = []
        for _ in range(count):
            replied.append(self.read_frame(wait, budget))
            budget -= len(replied[-1])
        wait.answered()
        try:
            return check_reply(json.loads(text)), replied
        except (ValueError, RecursionError):
            raise malformed("not JSON") from None

    def read_frame(self, wait, limit):
        size = agent.FRAME.unpack(self.read(agent.FRAME.size, wait))[0]
        if size > limit:
            self.lose("the student's kernel sent a reply larger than the limit")
        return self.read(size, wait)

    def open_line(self):
        """Start the agent's loop in the kernel and take its connection."""
        own_folder = self.folder is None
        folder = Path(tempfile.mkdtemp(prefix="autograder-line-")) if own_folder else Path(self.folder)
        path = folder / f"agent-{uuid.uuid4().hex[:12]}.sock"
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
                server.bind(str(path))
                server.listen(1)
                server.settimeout(POLL)
                self.loop_id = self.client.execute(agent.LOOP.format(path=repr(str(path))), silent=True,
                                                   store_history=False, allow_stdin=False)
                deadline = time.monotonic() + self.timeout
                while self.line is None:
                    try:
                        self.line, _ = server.accept()
                    except socket.timeout:
                        if self.loop_ended() or not self.alive() or time.monotonic() > deadline:
                            self.lose("the grader's agent did not start in the student's kernel")
        finally:
            path.unlink(missing_ok=True)
            if own_folder:
                shutil.rmtree(folder, ignore_errors=True)

    def read(self, size, wait):
        chunks, left = [], size
        while left:
            ready, _, _ = select.select([self.line], [], [], POLL)
            if not ready:
                wait.poll()
                continue
            chunk = self.line.recv(min(left, 1 << 20))
            if not chunk:
                self.lose(f"the student's kernel died while running {wait.what}")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def loop_ended(self):
        reply = self.next_reply("the grader's agent")
        return reply is not None and parent_id(reply) == self.loop_id

    def close(self):
        """End the agent's loop, so the kernel runs cells again."""
        if self.line is None:
            return
        self.line.close()
        self.line = None
        deadline = time.monotonic() + INTERRUPT_GRACE
        try:
            while not self.loop_ended() and time.monotonic() < deadline and self.alive():
                pass
        except StudentProcessError:
            pass

    def check(self):
        if self.broken:
            raise process_error("KernelDied", self.broken)

    def lose(self, why):
        self.broken = why
        raise process_error("KernelDied", why)

    def expression(self, code, what):
        self.check()
        msg_id = self.client.execute("", silent=True, store_history=False, user_expressions={"reply": code},
                                     allow_stdin=False)
        content = self.wait(msg_id, what)
        return parse(content)

    def wait(self, msg_id, what):
        """The execute_reply's content."""
        wait = Wait(self, what)
        while True:
            reply = self.next_reply(what)
            if reply is not None and parent_id(reply) == msg_id:
                wait.answered()
                return reply.get("content")
            if reply is None:
                wait.poll()

    def next_reply(self, what):
        """The next shell message, None after POLL seconds without one. A message jupyter_client
        cannot even read (the kernel's own json was tampered with) ends the kernel's use."""
        try:
            return self.client.get_shell_msg(timeout=POLL)
        except queue.Empty:
            return None
        except Exception as err:  # noqa: BLE001 - whatever the forged bytes make the session raise
            self.broken = (f"the student's kernel sent an unreadable message while running {what} "
                           f"({type(err).__name__})")
            raise malformed(self.broken) from None


class Wait:
    """The timeout of one request: past it the kernel is interrupted, and given up if it does not
    answer within INTERRUPT_GRACE; an interrupted request that answers still failed."""

    def __init__(self, channel, what):
        self.channel, self.what = channel, what
        self.deadline = time.monotonic() + channel.timeout
        self.interrupted = False

    def poll(self):
        """Called whenever POLL seconds passed without an answer."""
        channel, timeout = self.channel, f"{self.channel.timeout:g} s"
        if not channel.alive():
            channel.lose(f"the student's kernel died while running {self.what}")
        if time.monotonic() <= self.deadline:
            return
        if self.interrupted:
            channel.broken = (f"{self.what} did not finish within {timeout} and the kernel did not stop when "
                              "interrupted")
            raise process_error("Timeout", channel.broken)
        channel.interrupt()
        self.interrupted, self.deadline = True, time.monotonic() + INTERRUPT_GRACE

    def answered(self):
        if self.interrupted:
            raise process_error("Timeout", f"{self.what} did not finish within {self.channel.timeout:g} s and "
                                           "was interrupted")


def parent_id(reply):
    parent = reply.get("parent_header") if isinstance(reply, dict) else None
    return parent.get("msg_id") if isinstance(parent, dict) else None


def parse(content):
    """The agent's reply message from an execute_reply's content, checked for shape."""
    if not isinstance(content, dict) or content.get("status") != "ok":
        raise malformed("the request did not run")
    result = content.get("user_expressions", {})
    result = result.get("reply") if isinstance(result, dict) else None
    if not isinstance(result, dict) or result.get("status") != "ok":
        error = result.get("ename") if isinstance(result, dict) else None
        raise malformed(f"the agent's call failed: {str(error)[:100]}")
    data = result.get("data")
    text = data.get(agent.MIME) if isinstance(data, dict) else None
    if not isinstance(text, str) or len(text) > MAX_REPLY_CHARS:
        raise malformed("no reply of the agent's type")
    try:
        return check_reply(json.loads(text))
    except (ValueError, RecursionError):
        raise malformed("not JSON") from None


def check_reply(message):
    if not isinstance(message, dict) or type(message.get("ok")) is not bool:
        raise malformed("not a reply")
    return message
