"""nbgrader configuration for the course, written into each course directory as nbgrader_config.py
so that nbgrader, run by ``python -m autograder`` or by hand in that folder, uses it."""
import copy
from pathlib import Path

from .course import COURSE_ID, ROOT
from .edition import DEFAULT as DEFAULT_EDITION, check_edition
from .sandbox import DEFAULT_LIMITS, KERNEL_NAME as SANDBOX_KERNEL
from .sandbox.limits import DEFAULT_OUTPUT_CAPS

UNSANDBOXED_KERNEL = "python3"  # the course kernel: only with --unsafe-no-sandbox

CELL_TIMEOUT = 600  # seconds per cell: the CNN's MNIST training takes a few minutes on a laptop

TEMPLATE = '''# Written by `python -m autograder`; edit autograder/config.py instead.
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.root = {root!r}
c.CourseDirectory.source_directory = {source!r}
c.CourseDirectory.release_directory = {release!r}
c.CourseDirectory.db_url = {db_url!r}
{exchange}c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".git"]
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
# The release keeps one edition of the students' text (autograder/edition.py): en or ko.
from nbgrader.converters import GenerateAssignment  # noqa: E402
from autograder.edition import PickEdition  # noqa: E402
# First, so that nbgrader's checksums and gradebook hold the edition's cells.
c.GenerateAssignment.preprocessors = [PickEdition] + GenerateAssignment.class_traits()["preprocessors"].default()
c.PickEdition.edition = {edition!r}
c.Execute.timeout = {timeout}
# Student code runs in the bubblewrap sandbox (autograder/sandbox/): kernelspec python3-sandbox,
# started by the provisioner autograder-sandbox, which always uses the ipc transport with the
# kernel's sockets in a private folder. nbclient reads the notebook's metadata kernelspec only
# when kernel_name is empty, so this kernel is used whatever the student's notebook names.
c.Execute.kernel_name = {kernel!r}
c.ExecutePreprocessor.kernel_name = {kernel!r}
{limits}
c.Execute.interrupt_on_timeout = True
# After a cell's reply, nbclient waits this long for the rest of its output (nbgrader raises a cell
# timeout past it; nbclient's default is 4 s): a cell that printed 200 MB is still being drained,
# and the caps drop it, when its reply comes, and on a loaded grader that takes longer than 4 s.
c.Execute.iopub_timeout = 120
c.Execute.extra_arguments = ["--HistoryManager.enabled=False", "--quiet"]
c.Autograde.create_student = True
c.ZipCollectApp.collector_plugin = "nbgrader.plugins.zipcollect.FileNameCollectorPlugin"
# grades.csv: nbgrader's CSV export with the bonus tests' points left out of max_score
c.ExportApp.plugin_class = "autograder.export.BonusCsvExportPlugin"
# LMS downloads named <student>_<anything>_<assignment notebook>.ipynb or <student>_<notebook>.ipynb
c.FileNameCollectorPlugin.named_regexp = r"(?:.*/)?(?P<student_id>[A-Za-z0-9][A-Za-z0-9.-]*)_(?:.*_)?(?P<file_id>ps[0-9]+_[A-Za-z0-9_]+?\\.ipynb)$"
from nbgrader.preprocessors import GetGrades  # noqa: E402
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from autograder.feedback import HideHiddenTests, SafeFeedback, GradeTable  # noqa: E402
c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, SafeFeedback, GradeTable,
                                   CSSHTMLHeaderPreprocessor]
# Markdown cells identical to the source notebook's are rendered; the student's own, as text.
c.SafeFeedback.source_notebook = {source!r} + "/{{assignment}}/{{notebook}}.ipynb"
# What a cell keeps of its output (autograder/sandbox/output.py; defaults in sandbox/limits.py):
# the kernel client drops output beyond the caps as it arrives, CapOutput cuts each executed cell
# to them, LimitOutput its lines.
c.AsyncKernelManager.client_class = "autograder.sandbox.output.CappedKernelClient"
{output_caps}
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern,  # noqa: E402
                                    LimitOutput, SaveAutoGrades)
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from autograder.sandbox.output import CapOutput  # noqa: E402
# Test cells are scored by the grader, never by the student's kernel (autograder/trusted/): its
# Execute runs every other cell in the sandbox and each test against proxies of the student's objects.
from autograder.trusted.execute import TrustedExecute  # noqa: E402
c.Autograde.autograde_preprocessors = [TrustedExecute, CapOutput, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
'''


def limits_lines(limits=DEFAULT_LIMITS):
    """One ``c.SandboxProvisioner.<limit> = value`` line per limit: what an instructor edits."""
    return "\n".join(f"c.SandboxProvisioner.{name} = {value!r}" for name, value in limits.as_config().items())


def output_caps_lines(caps=DEFAULT_OUTPUT_CAPS):
    """``c.CapOutput.<cap> = value`` lines, and nbgrader's LimitOutput lines from the same caps."""
    own = {k: v for k, v in caps.as_config().items() if k in ("text_bytes", "outputs", "image_bytes")}
    lines = [f"c.CapOutput.{name} = {value!r}" for name, value in own.items()]
    return "\n".join(lines + [f"c.LimitOutput.max_lines = {caps.lines!r}",
                              f"c.LimitOutput.max_traceback = {caps.traceback_lines!r}"])


def sqlite_url(course_dir):
    """The embedded default gradebook; the timeout lets a writer wait for another's lock."""
    return f"sqlite:///{Path(course_dir).resolve() / 'gradebook.db'}?timeout=30"


def write(course_dir, release_dir=None, cell_timeout=None, sandboxed=True, db_url=None, exchange=None, edition=None):
    """Write ``course_dir/nbgrader_config.py``; the source notebooks are always the repository's.
    ``sandboxed=False`` (``--unsafe-no-sandbox``) grades with the unconfined course kernel.
    ``db_url``: the gradebook's SQLAlchemy URL (``postgresql+psycopg2://...``); by default the one
    the folder's config already names if it is a server's, else SQLite in the folder.
    ``exchange``: the nbgrader exchange folder (JupyterHub), kept likewise; by default nbgrader's.
    ``edition``: the language of the released notebooks (``autograder.edition``), kept likewise;
    by default English."""
    course_dir = Path(course_dir).resolve()
    course_dir.mkdir(parents=True, exist_ok=True)
    named = load(course_dir) if (course_dir / "nbgrader_config.py").exists() else None
    if named is not None:
        kept_url = named.CourseDirectory.db_url
        db_url = db_url or (kept_url if not kept_url.startswith("sqlite:") else None)
        exchange = exchange or named.Exchange.get("root")
        edition = edition or named.PickEdition.get("edition")
    text = TEMPLATE.format(course_id=COURSE_ID, root=str(course_dir), source=str(ROOT / "source"),
                           release=str(Path(release_dir).resolve() if release_dir else course_dir / "release"),
                           db_url=db_url or sqlite_url(course_dir), timeout=int(cell_timeout or CELL_TIMEOUT),
                           exchange=f"c.Exchange.root = {str(Path(exchange).resolve())!r}\n" if exchange else "",
                           kernel=SANDBOX_KERNEL if sandboxed else UNSANDBOXED_KERNEL,
                           limits=limits_lines(), output_caps=output_caps_lines(),
                           edition=check_edition(edition or DEFAULT_EDITION))
    (course_dir / "nbgrader_config.py").write_text(text)
    return course_dir / "nbgrader_config.py"


class ConfigError(ValueError):
    """A class folder's nbgrader_config.py that cannot be read."""


def load(course_dir):
    """The folder's nbgrader_config.py as nbgrader reads it (a traitlets Config)."""
    from traitlets.config import PyFileConfigLoader
    try:
        return PyFileConfigLoader("nbgrader_config.py", path=str(course_dir)).load_config()
    except Exception as err:  # the file is Python: it can fail in any way
        path = Path(course_dir) / "nbgrader_config.py"
        raise ConfigError(f"{path} cannot be read ({type(err).__name__}: {err}); fix it, or delete it and run "
                          f"`python -m autograder init --class-dir {course_dir}` (add --db or --exchange "
                          "if the class uses a database server or an exchange)") from err


def gradebook_url(course_dir):
    return load(course_dir).CourseDirectory.db_url


RESULTS_DIR = ".results"   # where the coordinator stages a result graded on a worker (cluster.py)


def record_only(loaded):
    """``loaded`` changed to record a result graded on a Dask worker: its autograded folder, staged
    in RESULTS_DIR, is autograded again with nothing executed, which saves its grades."""
    from nbgrader.preprocessors import AssignLatePenalties, CheckCellMetadata, SaveAutoGrades

    changed = copy.deepcopy(loaded)
    changed.CourseDirectory.submitted_directory = RESULTS_DIR
    changed.Autograde.sanitize_preprocessors = [CheckCellMetadata]
    changed.Autograde.autograde_preprocessors = [SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    return changed


def is_sandboxed(course_dir):
    """Whether the course folder's nbgrader_config.py grades in the sandbox kernel: what reports
    say, read from the file nbgrader itself reads."""
    text = (Path(course_dir) / "nbgrader_config.py").read_text()
    return f"c.Execute.kernel_name = {SANDBOX_KERNEL!r}" in text
