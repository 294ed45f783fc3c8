"""nbgrader's Execute, with the test cells scored by the grader instead of the student's kernel.

``TrustedExecute`` replaces ``Execute`` in ``c.Autograde.autograde_preprocessors``. Every other
code cell still runs in the sandboxed main kernel, so the feedback shows the student's outputs and
the training cells train. A test cell never runs there: the course's code of that test (taken by
grade_id from the source notebook, so a cell the student added or relabelled never runs here)
runs in this process against proxies for the student's objects (``testcell.py``,
``student.py``), and its outputs are what nbgrader's SaveAutoGrades then scores.

A main kernel that dies costs the cells after it their run (each gets an error output saying so),
not the grading: tests served by fresh kernels are still scored.
"""
import contextlib
import dataclasses
import shutil
import tempfile
import time
from pathlib import Path

from jupyter_core.utils import run_sync
from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Enum

from .. import edition, notebook
from ..config import CELL_TIMEOUT
from ..course import ROOT
from . import cells, testcell
from .student import Processes


@dataclasses.dataclass(frozen=True)
class KernelSettings:
    """How fresh kernels start: as the main kernel (name, config, extra arguments), in the
    submission folder ``cwd``, with ``timeout`` seconds per cell and per request."""

    kernel_name: str
    config: object
    cwd: str
    timeout: float
    extra_arguments: list


class TrustedExecute(Execute):
    # Once the last cell has run, nothing of the main kernel is needed: a graceful shutdown (a
    # request, then waiting for the sandbox to exit) cost about 2.5 s of every submission.
    shutdown_kernel = Enum(["graceful", "immediate"], default_value="immediate").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        assignment = resources["nbgrader"]["assignment"]
        name = resources["nbgrader"]["notebook"]
        source = notebook.read(ROOT / "source" / assignment / f"{name}.ipynb")
        self.course_tests = {notebook.grade_id(c): c.source for c in source.cells if notebook.is_test(c)}
        self.setup_code = cells.setup_imports(source)
        self.edition = edition.edition_of(nb)
        self.main_kernel_lost = None
        with kernel_folder(resources.get("metadata", {}).get("path")) as self.kernel_cwd:
            settings = KernelSettings(self.kernel_name, self.config, self.kernel_cwd, self.timeout or CELL_TIMEOUT,
                                      list(self.extra_arguments))
            self.processes = Processes(nb, settings, self.log)
            try:
                return super().preprocess(nb, resources, km)
            finally:
                self.processes.close()

    async def async_start_new_kernel(self, **kwargs):
        """The main kernel, too, works on the submission without its notebooks."""
        kwargs.setdefault("cwd", self.kernel_cwd)
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)

    def preprocess_cell(self, cell, resources, index):
        if notebook.is_test(cell) and notebook.grade_id(cell) in self.course_tests:
            cell.outputs = self.run_test(cell, index)
            cell.execution_count = None
            return cell, self.resources
        if cell.cell_type == "code" and self.main_kernel_lost:
            cell.outputs = [error("NotRun", f"not run: the kernel died while running {self.main_kernel_lost}")]
            return cell, self.resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            return self.lose_main_kernel(cell, index, "DeadKernelError", "the kernel died while running this cell")
        except ValueError as err:
            # jupyter_client's "Invalid Signature": a message the kernel sent broken (a kernel out of
            # memory sends half a message) or forged. The kernel is of no more use; the grading goes on.
            return self.lose_main_kernel(cell, index, "KernelDied", "the kernel sent a message the grader cannot "
                                         f"read while running this cell ({str(err)[:80]}; a kernel out of memory "
                                         "does that)")

    def lose_main_kernel(self, cell, index, ename, why):
        """The main kernel is of no more use from ``cell`` on: the cell says ``why``, later cells are not run."""
        self.main_kernel_lost = cells.label(cell, index)
        cell.outputs.append(error(ename, f"{why} ({self.main_kernel_lost})"))
        return cell, self.resources

    def run_test(self, cell, index):
        begin = time.perf_counter()
        student = self.processes.for_test(index, self)
        trusted = testcell.setup_namespace(self.setup_code, self.processes.rebound(index))
        outputs = testcell.run(self.course_tests[notebook.grade_id(cell)], notebook.grade_id(cell), trusted,
                               student.resolve, self.edition)
        self.processes.done_with(index)
        self.log.info("trusted grading: %s in %.2f s", notebook.grade_id(cell), time.perf_counter() - begin)
        return outputs


@contextlib.contextmanager
def kernel_folder(folder):
    """A copy of the submission folder without its notebooks, for the kernels to work on: the
    notebook nbgrader grades sits in that folder with the hidden tests restored, and the student's
    code has no business reading them. Links are copied as links (they lead nowhere inside)."""
    if not folder:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="autograder-submission-") as scratch:
        copy = Path(scratch) / Path(folder).name
        shutil.copytree(folder, copy, symlinks=True, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
        yield str(copy)


def error(ename, message):
    return new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])
