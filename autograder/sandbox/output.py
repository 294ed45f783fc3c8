"""What the grader keeps of a cell's output: at most the caps of ``limits.OutputCaps``, and a note
saying what was cut (``NOTE``), which the report turns into a reason.

The same caps are applied twice, with the same ``CellBudget``:

* ``CappedKernelClient``, the grader's client of the sandboxed kernel: its iopub channel drops what
  a cell outputs beyond the caps before nbclient stores it. Without it, a cell that printed 200 MB
  took the grading process to 1.1 GB resident and wrote a 210 MB autograded notebook;
* ``CapOutput``, the preprocessor right after Execute: the same caps on each executed cell,
  whatever reached it (display updates replace outputs after they were admitted).

Error outputs are never all dropped: nbgrader fails a test cell by the presence of one.
"""
import json
import re

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from nbconvert.preprocessors import Preprocessor
from nbformat import from_dict
from traitlets import Bool, Integer, Type

from .limits import DEFAULT_OUTPUT_CAPS, OutputCaps

NOTE = "\n[autograder] output truncated: this cell printed {printed}; at most {kept} is kept\n"
NOTE_PATTERN = re.compile(r"^\n?\[autograder\] output truncated: this cell printed [^;\n]*; at most [^\n]* is kept\n?$")
OUTPUT_KINDS = ("stream", "display_data", "execute_result", "error")
IMAGES = ("image/png", "image/jpeg", "image/gif")
METADATA_BYTES = 1000  # an output's metadata (image sizes and the like) above this is dropped


def size_text(count):
    """200 MB, 100 kB, 512 B: decimal units, as the note says them."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{count} B"


def shorten(text, limit):
    """``text`` cut to at most ``limit`` bytes of UTF-8."""
    data = text.encode("utf-8", "replace")
    return text if len(data) <= limit else data[:max(limit, 0)].decode("utf-8", "ignore")


def text_of(value):
    """Output text, which nbformat allows as a string or a list of lines."""
    return "".join(value) if isinstance(value, list) else str(value)


def is_note(output):
    return output.get("output_type") == "stream" and bool(NOTE_PATTERN.match(text_of(output.get("text", ""))))


def note_output(printed, caps):
    return {"output_type": "stream", "name": "stderr",
            "text": NOTE.format(printed=size_text(printed), kept=size_text(caps.text_bytes))}


class CellBudget:
    """What one cell has output so far, and how much of it is kept."""

    def __init__(self, caps: OutputCaps):
        self.caps = caps
        self.kept_text = 0
        self.kept_outputs = 0
        self.printed = 0
        self.truncated = False
        self.kept_error = False

    def admit(self, kind, content):
        """``content`` of an output of ``kind`` as kept (possibly shortened), or None: dropped."""
        self.printed += len(json.dumps(content, default=str))
        if self.kept_outputs >= self.caps.outputs and not (kind == "error" and not self.kept_error):
            self.truncated = True
            return None
        kept = {"stream": self._stream, "error": self._error}.get(kind, self._data)(content)
        self.kept_outputs += kept is not None
        self.kept_error |= kind == "error"
        return kept

    def _room(self, text):
        """The part of ``text`` that fits in what is left of the text cap, counted as kept."""
        kept = shorten(text, self.caps.text_bytes - self.kept_text)
        self.kept_text += len(kept.encode("utf-8", "replace"))
        self.truncated |= kept != text
        return kept

    def _stream(self, content):
        text = self._room(text_of(content.get("text", "")))
        return dict(content, text=text) if text else None

    def _error(self, content):
        """Kept whatever the text cap, each field cut to it."""
        limit = self.caps.text_bytes
        traceback = [shorten(text_of(line), limit) for line in content.get("traceback", [])]
        while len(json.dumps(traceback)) > limit and len(traceback) > 1:
            traceback.pop(len(traceback) // 2)
        kept = dict(content, ename=shorten(str(content.get("ename", "")), 200),
                    evalue=shorten(str(content.get("evalue", "")), limit), traceback=traceback)
        self.truncated |= kept != content
        return kept

    def _data(self, content):
        """Images within the image cap; text MIME types while text remains, else text/plain
        alone, shortened."""
        data, kept = content.get("data", {}), {}
        for mime, value in data.items():
            if mime in IMAGES:
                if len(text_of(value)) <= self.caps.image_bytes:
                    kept[mime] = value
                continue
            text = value if isinstance(value, (str, list)) else json.dumps(value)
            if len(text_of(text).encode("utf-8", "replace")) <= self.caps.text_bytes - self.kept_text:
                kept[mime] = value
                self.kept_text += len(text_of(text).encode("utf-8", "replace"))
        if "text/plain" in data and "text/plain" not in kept:
            kept["text/plain"] = self._room(text_of(data["text/plain"]))
        self.truncated |= set(kept) != set(data)
        if not any(kept.values()):
            return None
        metadata = content.get("metadata", {})
        return dict(content, data=kept, metadata=metadata if len(json.dumps(metadata, default=str)) <= METADATA_BYTES else {})

    def fits_update(self, content):
        """A display update replaces an output already counted: it is let through when it
        would fit a cell on its own."""
        fits = CellBudget(self.caps)._data(content) == content
        self.truncated |= not fits
        return fits


def cap_outputs(outputs, caps):
    """A cell's outputs within ``caps``, with a note at the end when something was cut (or the
    note that something was, from an earlier pass)."""
    budget, kept, notes = CellBudget(caps), [], []
    for output in outputs:
        if is_note(output):
            notes.append(output)
            continue
        content = budget.admit(output.get("output_type"), output)
        if content is not None:
            kept.append(from_dict(content))
    if budget.truncated and not notes:
        notes.append(from_dict(note_output(budget.printed, caps)))
    return kept + notes[:1]


class CapOutput(Preprocessor):
    """The output caps on every executed code cell (``c.CapOutput.<cap>``); placed right after
    Execute in ``c.Autograde.autograde_preprocessors``. nbgrader's LimitOutput, later in the
    chain, cuts lines (``c.LimitOutput.max_lines``), which one huge line defeats."""

    enabled = Bool(True)
    text_bytes = Integer(DEFAULT_OUTPUT_CAPS.text_bytes, config=True, help="text a cell's outputs keep, bytes")
    outputs = Integer(DEFAULT_OUTPUT_CAPS.outputs, config=True, help="outputs a cell keeps")
    image_bytes = Integer(DEFAULT_OUTPUT_CAPS.image_bytes, config=True, help="largest image kept, bytes of base64")

    @property
    def caps(self):
        return OutputCaps(text_bytes=self.text_bytes, outputs=self.outputs, image_bytes=self.image_bytes)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.outputs = cap_outputs(cell.get("outputs", []), self.caps)
        return cell, resources


class CappedIOPubChannel(AsyncZMQSocketChannel):
    """The iopub channel that drops output messages beyond the caps of their cell (keyed by the
    execute request they answer) and, when a cell lost some, sends the note just before the
    cell's idle status."""

    caps = DEFAULT_OUTPUT_CAPS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.budgets = {}
        self.pending = []

    async def get_msg(self, timeout=None):
        while not self.pending:
            msg = self.capped(await super().get_msg(timeout=timeout))
            if msg is not None:
                return msg
        return self.pending.pop(0)

    def capped(self, msg):
        """``msg`` as kept, or None; the idle status of a cut cell comes after its note."""
        kind, parent = msg["msg_type"], msg["parent_header"].get("msg_id")
        if kind == "status" and msg["content"].get("execution_state") == "idle":
            budget = self.budgets.pop(parent, None)
            if budget is None or not budget.truncated:
                return msg
            self.pending.append(msg)
            note = note_output(budget.printed, self.caps)
            return dict(msg, msg_type="stream", header=dict(msg["header"], msg_type="stream"),
                        content={"name": note["name"], "text": note["text"]}, metadata={}, buffers=[])
        budget = self.budgets.setdefault(parent, CellBudget(self.caps))
        if kind == "update_display_data":
            return msg if budget.fits_update(msg["content"]) else None
        if kind not in OUTPUT_KINDS:
            return msg
        content = budget.admit(kind, msg["content"])
        return None if content is None else dict(msg, content=content)


class CappedKernelClient(AsyncKernelClient):
    """nbclient's kernel client with the capped iopub channel; the grader's nbgrader_config.py
    names it in ``c.AsyncKernelManager.client_class``. Its caps are CapOutput's configuration."""

    iopub_channel_class = Type(CappedIOPubChannel)

    @property
    def iopub_channel(self):
        if self._iopub_channel is None:
            super().iopub_channel.caps = CapOutput(parent=self).caps
        return super().iopub_channel
