"""The student's processes for one notebook's tests, and which test uses which.

Tests that need only quick cells get a fresh sandboxed kernel per answer: it runs just the
student's cells their names need (``cells.closure``; never test cells, never slow ones), then the
agent. So an answer that kills its kernel, loops or exhausts memory costs only the tests that need
it, and the code of an answer a test does not need never runs in that test's process. Tests that
need a slow cell (the MNIST tests need the trained model) use the main kernel, the one nbgrader's
Execute ran the notebook in.
"""
import contextlib
import time

from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_core.utils import run_sync

from . import cells as cell_analysis
from .channel import Channel
from .errors import GraderFault, StudentProcessError, process_error
from .proxy import Remote


class Student:
    """One student process reached through its agent; ``failure`` (a StudentProcessError) says
    why it cannot be used."""

    remote = None
    failure = None

    def resolve(self, name):
        """The student's global ``name``: plain data or a proxy."""
        if self.failure:
            raise process_error(type(self.failure).__name__, str(self.failure))
        return self.remote.global_(name)


class Lost(Student):
    """A process that is gone, and why."""

    def __init__(self, message):
        self.failure = process_error("KernelDied", message)


class FreshKernel(Student):
    """A sandboxed kernel of its own that runs ``needed`` (Cells) and the agent."""

    ATTEMPTS = 2   # a start that fails on the grader's side (no thread, no socket) is tried again once

    def __init__(self, needed, settings):
        self.needed, self.settings = needed, settings
        self.km = self.client = None
        self.seconds = {}

    def start(self):
        """Start the kernel and run the cells; a failure of the student's process is kept in
        ``failure``, one of the grader's own (after ATTEMPTS tries) raises GraderFault."""
        for attempt in range(1, self.ATTEMPTS + 1):
            try:
                return self._start()
            except Exception as err:  # noqa: BLE001 - StudentProcessError is kept by _start
                with contextlib.suppress(Exception):
                    self.close()
                self.km = self.client = self.remote = None
                if attempt == self.ATTEMPTS:
                    raise GraderFault(f"a sandboxed kernel could not be started ({type(err).__name__}: {err})") from err
                time.sleep(1.0)

    def _start(self):
        begin = time.perf_counter()
        self.km = KernelManager(kernel_name=self.settings.kernel_name, config=self.settings.config)
        self.km.start_kernel(cwd=self.settings.cwd, extra_arguments=self.settings.extra_arguments)
        self.client = self.km.client()
        self.client.start_channels(iopub=False, stdin=False, hb=False)
        channel = Channel(self.client, self.km.is_alive, self.km.interrupt_kernel, self.settings.timeout,
                          private_folder(self.km))
        try:
            channel.wait(self.client.kernel_info(), "the kernel's start")
            self.seconds["start"] = time.perf_counter() - begin
            for cell in self.needed:
                channel.wait(self.client.execute(cell.source, store_history=False, allow_stdin=False), cell.label)
            channel.install()
            self.remote = Remote(channel)
        except StudentProcessError as err:
            self.failure = err
        self.seconds["setup"] = time.perf_counter() - begin - self.seconds.get("start", 0.0)
        return self

    def close(self):
        if self.remote is not None:
            self.remote.channel.close()
        if self.client is not None:
            self.client.stop_channels()
        if self.km is not None and self.km.has_kernel:
            self.km.shutdown_kernel(now=True)


class MainKernel(Student):
    """The kernel nbgrader's Execute (``executor``, an nbclient NotebookClient) runs the notebook in."""

    def __init__(self, executor, timeout):
        km = executor.km
        self.client = BlockingKernelClient()
        self.client.load_connection_info(km.get_connection_info())
        self.client.start_channels(iopub=False, stdin=False, hb=False)
        channel = Channel(self.client, run_sync(km.is_alive), run_sync(km.interrupt_kernel), timeout,
                          private_folder(km))
        try:
            channel.install()
            self.remote = Remote(channel)
        except StudentProcessError as err:
            self.failure = err

    def pause(self):
        """Give the kernel back to nbgrader's Execute, which runs the next cells in it."""
        if self.remote is not None:
            self.remote.channel.close()

    def close(self):
        self.pause()
        self.client.stop_channels()


def private_folder(km):
    """The sandboxed kernel's private folder (None for a kernel that is not sandboxed)."""
    return getattr(km.provisioner, "private_dir", None)


class Processes:
    """Which process serves each test cell of ``nb`` (the student's notebook), started when a test
    first needs it and stopped after its group's last test.

    ``settings``: kernel_name, config, cwd, timeout, extra_arguments for fresh kernels."""

    def __init__(self, nb, settings, log):
        self.settings, self.log = settings, log
        self.cells = cell_analysis.code_cells(nb)
        self.plan = self.make_plan()
        self.running = {}
        self.main = None
        self.kernel_seconds = []   # (start, setup) of each fresh kernel

    def make_plan(self):
        """{test cell index: (group, cells to run)}; group None means the main kernel."""
        plan, groups = {}, {}
        for test in (c for c in self.cells if c.test):
            if any(c.slow for c in cell_analysis.closure(self.cells, test.index, test.uses, with_slow=True)):
                plan[test.index] = None
                continue
            needed = cell_analysis.closure(self.cells, test.index, test.uses, with_slow=False)
            group = frozenset(c.index for c in needed if c.answer)
            groups.setdefault(group, {}).update((c.index, c) for c in needed)
            plan[test.index] = group
        return {index: (group, None if group is None else sorted(groups[group].values(), key=lambda c: c.index))
                for index, group in plan.items()}

    def rebound(self, index):
        """Names the student's cells (but their setup cell) bind before test ``index`` in what it
        runs on: these shadow the course's setup imports."""
        group, needed = self.plan[index]
        if group is None:
            needed = [c for c in self.cells if c.index < index and not c.test]
        first = self.cells[0].index if self.cells else None
        return frozenset().union(*(c.defines for c in needed if c.index != first))

    def for_test(self, index, executor):
        """The Student serving test cell ``index``."""
        group, needed = self.plan[index]
        if group is None:
            if executor.main_kernel_lost:
                return Lost(f"the kernel died while running {executor.main_kernel_lost}")
            if self.main is None:
                self.main = MainKernel(executor, self.settings.timeout)
            return self.main
        if group not in self.running:
            self.running[group] = FreshKernel(needed, self.settings).start()
            seconds = self.running[group].seconds
            self.kernel_seconds.append((seconds.get("start", 0.0), seconds.get("setup", 0.0)))
            self.log.info("trusted grading: kernel for %s: start %.2f s, setup %.2f s",
                          ", ".join(c.label for c in needed if c.answer) or "no answer",
                          seconds.get("start", 0.0), seconds.get("setup", 0.0))
        return self.running[group]

    def done_with(self, index):
        """Stop the kernel of test ``index``'s group if no later test needs it."""
        group = self.plan[index][0]
        if group is None and self.main is not None:
            self.main.pause()
        if group is None or group not in self.running:
            return
        if not any(g == group for i, (g, _) in self.plan.items() if i > index):
            self.running.pop(group).close()

    def close(self):
        for student in self.running.values():
            student.close()
        self.running.clear()
        if self.main is not None:
            self.main.close()
        starts, setups = (sum(s) for s in zip(*self.kernel_seconds)) if self.kernel_seconds else (0.0, 0.0)
        self.log.info("trusted grading: %d fresh kernels, %.1f s to start them, %.1f s to run their cells",
                      len(self.kernel_seconds), starts, setups)
