"""What students see in their feedback: their code, the visible tests, the points and the
failure messages of the hidden tests, but neither the hidden tests' code nor their tracebacks
(nbgrader shows both by default; its issue #917). And nothing else a submission wrote runs in the
page: outputs are shown as text or images, the student's markdown as text (SafeFeedback). At the
top, a table names every graded cell with its points and its message (GradeTable)."""
import html
import re
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor
from nbformat.v4 import new_markdown_cell, new_output
from traitlets import Bool, Unicode

from .notebook import is_bonus
from .sandbox.output import text_of

HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS[ \t]*$.*?^[ \t]*### END HIDDEN TESTS[ \t]*$",
                    re.M | re.S)
PLACEHOLDER = "# (hidden tests: their code is not shown; their messages are below)"


def hide_hidden_tests(cell):
    """Remove hidden-test code from a graded cell and reduce its errors to the message."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if cell.cell_type != "code" or not meta.get("grade"):
        return cell
    cell.source = HIDDEN.sub(PLACEHOLDER, cell.source)
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
    return cell


class HideHiddenTests(Preprocessor):
    enabled = Bool(True).tag(config=True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        return hide_hidden_tests(cell), resources


# ---------------------------------------------------------------------------------------------
# a page safe to send back: nothing a submission wrote runs in it

SHOWN_MIME = ("text/plain", "image/png", "image/jpeg")
BASE64 = re.compile(r"^[A-Za-z0-9+/=\s]*$")
SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")     # grade ids, tags, cell ids
NOT_SHOWN = "[output of type {mimes} is not shown in the feedback]"


def shown_data(data):
    """The MIME types the page shows as inert text or an image: text/plain, and PNG or JPEG whose
    data is base64 and nothing else. Anything else (HTML, JavaScript, SVG, Markdown, LaTeX,
    widgets) is named in the text instead."""
    shown = {m: text_of(data[m]) for m in SHOWN_MIME if m in data}
    shown = {m: v for m, v in shown.items() if m == "text/plain" or BASE64.match(v)}
    hidden = sorted(set(data) - set(shown))
    if hidden and "text/plain" not in shown:
        shown["text/plain"] = NOT_SHOWN.format(mimes=", ".join(hidden))
    return shown


def image_metadata(metadata):
    """Only whole-number width and height of the images: every other key is dropped."""
    kept = {}
    for mime in ("image/png", "image/jpeg"):
        given = metadata.get(mime) if isinstance(metadata.get(mime), dict) else {}
        sizes = {k: v for k, v in given.items() if k in ("width", "height") and whole_number(v) is not None}
        if sizes:
            kept[mime] = sizes
    return kept


def safe_output(output):
    """A copy of ``output`` rebuilt from the fields the page renders as text. Every output is
    the submission's, test cells' included: they ran in the student's kernel."""
    kind = output.get("output_type")
    if kind == "stream":
        name = "stderr" if output.get("name") == "stderr" else "stdout"
        return new_output("stream", name=name, text=text_of(output.get("text", "")))
    if kind == "error":
        return new_output("error", ename=str(output.get("ename", "")), evalue=str(output.get("evalue", "")),
                          traceback=[str(line) for line in output.get("traceback", [])])
    data = shown_data(output.get("data", {}))
    metadata = image_metadata(output.get("metadata", {}))
    if kind == "execute_result":
        return new_output(kind, data=data, metadata=metadata, execution_count=whole_number(output.get("execution_count")))
    return new_output("display_data", data=data, metadata=metadata)


def whole_number(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def as_text_markdown(source):
    """Markdown the page shows as the text it is: one line of HTML (newlines and dollar signs as
    entities, so the Markdown renderer passes it through whole) with the text escaped, in a
    <pre>, which MathJax does not typeset."""
    text = html.escape(source).replace("\n", "&#10;").replace("$", "&#36;")
    return f'<pre class="submitted-markdown">{text}</pre>'


def safe_metadata(metadata, index):
    """The cell metadata the page uses: nbgrader's (with a grade id that is a name) and tags
    that are names."""
    kept = {"tags": [t for t in metadata.get("tags", []) if isinstance(t, str) and SAFE_NAME.match(t)]}
    nbgrader = dict(metadata.get("nbgrader") or {})
    if nbgrader:
        if not SAFE_NAME.match(str(nbgrader.get("grade_id", ""))):
            nbgrader["grade_id"] = f"cell-{index}"
        kept["nbgrader"] = nbgrader
    return kept


def safe_cell(cell, index, trusted_markdown):
    """The cell as the page may show it: code and locked test sources are shown escaped by the
    template already; outputs, markdown the course did not write, raw cells and metadata are
    rebuilt here."""
    cell.metadata = safe_metadata(cell.get("metadata", {}), index)
    cell.pop("attachments", None)
    if cell.get("id") is not None and not SAFE_NAME.match(str(cell.id)):
        cell.id = f"cell-{index}"
    if cell.cell_type == "code":
        cell.outputs = [safe_output(o) for o in cell.get("outputs", [])]
        cell.execution_count = whole_number(cell.get("execution_count"))
    elif cell.cell_type == "markdown" and cell.source not in trusted_markdown:
        cell.source = as_text_markdown(cell.source)
    elif cell.cell_type != "markdown":
        cell = new_markdown_cell(as_text_markdown(text_of(cell.get("source", ""))), id=cell.get("id"),
                                 metadata=cell.metadata)
    return cell


class SafeFeedback(Preprocessor):
    """Makes the feedback page safe to send back: no HTML or JavaScript from the submission runs
    in it (see ``safe_cell``). Markdown cells identical to one of the source notebook's are
    rendered; any other is shown as text. ``source_notebook``: the path of the source notebook,
    with ``{assignment}`` and ``{notebook}`` (the notebook's name without .ipynb)."""

    enabled = Bool(True)
    source_notebook = Unicode("", config=True, help="source notebook path with {assignment} and {notebook}; "
                              "empty: every markdown cell is shown as text")

    def trusted_markdown(self, resources):
        meta = resources.get("nbgrader", {})
        if not self.source_notebook or "assignment" not in meta:
            return set()
        path = Path(self.source_notebook.format(assignment=meta["assignment"], notebook=meta["notebook"]))
        if not path.exists():
            return set()
        return {c.source for c in nbformat.read(str(path), as_version=4).cells if c.cell_type == "markdown"}

    def preprocess(self, nb, resources):
        trusted = self.trusted_markdown(resources)
        nb.cells = [safe_cell(cell, i, trusted) for i, cell in enumerate(nb.cells)]
        nb.metadata = {k: nb.metadata[k] for k in ("kernelspec", "language_info") if k in nb.metadata}
        return nb, resources


# ---------------------------------------------------------------------------------------------
# every graded cell by name, with its points and message, at the top of the page

SUMMARY_ID = "autograder-test-summary"


def points(value):
    return "–" if value is None else f"{float(value):g}"


def verdict(cell):
    """What happened to a graded cell, in one line: the test's failure message, "passed", or
    where the points of a hand-graded answer stand."""
    meta = cell.metadata.nbgrader
    if not (cell.cell_type == "code" and not meta.get("solution")):
        return "graded by hand" if meta.get("score") is not None else "needs manual grading"
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        return "passed"
    return f"{errors[-1].get('ename', 'Error')}: {errors[-1].get('evalue', '')}"


def summary_row(cell):
    meta = cell.metadata.nbgrader
    name = html.escape(str(meta.get("grade_id", "")))
    message = html.escape(verdict(cell)).replace("\n", "<br>")
    score = f"{points(meta.get('score'))} / {points(meta.get('points'))}"
    if is_bonus(meta.get("grade_id", "")):
        score += " bonus"
    return f'<tr><td><a href="#{name}"><code>{name}</code></a></td><td class="center">{score}</td><td>{message}</td></tr>'


def summary_markdown(cells):
    """One line of HTML (see ``as_text_markdown``): the table of the graded cells."""
    rows = "".join(summary_row(c) for c in cells)
    table = (f'<table class="table table-condensed" id="{SUMMARY_ID}"><thead><tr><th>test</th>'
             f'<th class="center">points</th><th>message</th></tr></thead><tbody>{rows}</tbody></table>')
    return table.replace("\n", "&#10;").replace("$", "&#36;")


class GradeTable(Preprocessor):
    """Puts the table of every graded cell (name, points, message) at the top of the feedback,
    and takes the bonus tests' points out of the page's maximum (GetGrades counts them in). Runs
    after GetGrades (the scores) and SafeFeedback (the messages are text already, and are escaped
    again here)."""

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        graded = [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade")]
        if graded:
            nb.cells.insert(0, new_markdown_cell(summary_markdown(graded), id=SUMMARY_ID))
        bonus = sum(float(c.metadata.nbgrader.get("points") or 0) for c in graded
                    if is_bonus(c.metadata.nbgrader.get("grade_id", "")))
        if bonus and "max_score" in resources.get("nbgrader", {}):
            resources["nbgrader"]["max_score"] -= bonus
        return nb, resources
