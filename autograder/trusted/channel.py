"""One kernel's line to its agent: a request is a jupyter execute_request with empty code and one
user expression (the agent's ``serve`` call), its reply the value of that expression under the
agent's MIME type. The kernel is the student's: it may die, hang or answer garbage, and each of
these becomes a StudentProcessError, never a crash of the grader."""
import json
import queue
import time
from pathlib import Path

from ..sandbox import agent
from .errors import process_error
from .wire import malformed

AGENT_SOURCE = Path(agent.__file__).read_text()
MAX_REPLY_CHARS = 256 * 1024 ** 2   # the 10,000 MNIST test images take 4 MB
INTERRUPT_GRACE = 10.0   # seconds an interrupted request has to come back before the kernel is given up
POLL = 0.5               # seconds between checks that the kernel is alive


class Channel:
    """Requests to the agent in one kernel. ``client``: a started BlockingKernelClient (shell
    channel); ``alive()`` and ``interrupt()`` act on the kernel; ``timeout``: seconds per request.
    After a death or an interrupt that did not help, every request fails with the same message."""

    def __init__(self, client, alive, interrupt, timeout):
        self.client, self.alive, self.interrupt, self.timeout = client, alive, interrupt, timeout
        self.broken = None   # why the kernel cannot be used any more

    def install(self):
        """Put the agent in the kernel; after this, ``request`` works."""
        self.expression(agent.INSTALL.format(source=repr(AGENT_SOURCE)), "installing the grader's agent")

    def request(self, message, what):
        """The agent's reply (a dict) to ``message``; ``what`` names the request in messages."""
        payload = json.dumps(message, allow_nan=True)
        return self.expression(agent.REQUEST.format(payload=repr(payload)), what)

    def expression(self, code, what):
        if self.broken:
            raise process_error("KernelDied", self.broken)
        msg_id = self.client.execute("", silent=True, store_history=False, user_expressions={"reply": code},
                                     allow_stdin=False)
        content = self.wait(msg_id, what)
        return parse(content)

    def wait(self, msg_id, what):
        """The execute_reply's content; on timeout interrupt the kernel and, if it does not come
        back, give it up."""
        deadline = time.monotonic() + self.timeout
        interrupted = False
        while True:
            reply = self.next_reply(what)
            if reply is not None and parent_id(reply) == msg_id:
                if interrupted:
                    raise process_error("Timeout", f"{what} did not finish within {self.timeout:g} s and was "
                                                   "interrupted")
                return reply.get("content")
            if reply is None and not self.alive():
                self.broken = f"the student's kernel died while running {what}"
                raise process_error("KernelDied", self.broken)
            if time.monotonic() > deadline:
                if interrupted:
                    self.broken = (f"{what} did not finish within {self.timeout:g} s and the kernel did not "
                                   "stop when interrupted")
                    raise process_error("Timeout", self.broken)
                self.interrupt()
                interrupted, deadline = True, time.monotonic() + INTERRUPT_GRACE


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
        message = json.loads(text)
    except (ValueError, RecursionError):
        raise malformed("not JSON") from None
    if not isinstance(message, dict) or type(message.get("ok")) is not bool:
        raise malformed("not a reply")
    return message
