"""What students see in their feedback: their code, the visible tests, the points and the
failure messages of the hidden tests, but neither the hidden tests' code nor their tracebacks
(nbgrader shows both by default; its issue #917)."""
import re

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

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
