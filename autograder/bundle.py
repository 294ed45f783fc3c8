"""Student bundles: ``dist/<assignment>.zip``, what a student downloads to work on an assignment.

A bundle is one folder ``<assignment>/`` holding the released notebook and its student package
(``make release`` writes both into ``assignments/``), a README that says how to install, open,
find MNIST and submit, and ``requirements-student.txt``. The builder requires an up-to-date release
(it does not release itself), checks the staged bundle for leaks before it writes the zip, and
writes the same bytes for the same release: entries sorted, fixed timestamps and permissions."""
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from . import edition, notebook, release, student_package
from .course import ROOT

DIST = ROOT / "dist"
README = "README.md"
REQUIREMENTS = "requirements-student.txt"
# pyproject.toml's bounds for what the notebooks import, then Jupyter: JupyterLab brings ipykernel
# and nbconvert; ipywidgets draws tqdm.auto's training progress bar in the notebook.
STUDENT_REQUIREMENTS = ["numpy>=2.0", "matplotlib>=3.8", "tqdm>=4.66", "jupyterlab>=4.0", "ipywidgets>=8.0"]
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no build time in the bytes
UNSHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")

# The commands of a bundle's README, the same in every language.
INSTALL = """```bash
cd {assignment}
python -m venv .venv
source .venv/bin/activate          # Windows: .venv\\Scripts\\activate
pip install -r {requirements}
```
"""
OPEN = """```bash
jupyter lab {notebook}
```
"""

README_TEXT = """\
{title}

This folder is one assignment of the numpynet course: the notebook `{notebook}` and `numpynet/`,
the course's NumPy library as this assignment needs it. What you write in this and later
assignments raises `NotImplementedError` in it: your answers go in the notebook. Keep the
notebook beside `numpynet/`, which it imports from this folder.

## Install (once; Python 3.10 or newer)

{install}
## Open

{open}
Write your code in every cell marked `YOUR CODE HERE`, in place of `raise NotImplementedError()`,
and run the test cells after it: each prints that it passed when your answer passes, and says what
is wrong when it does not. More tests, on inputs you do not see, run when your work is graded.

## MNIST

The notebook loads MNIST with `numpynet.data.load_mnist`, which looks for the four original files
(`train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`, `t10k-images-idx3-ubyte.gz`,
`t10k-labels-idx1-ubyte.gz`) first in the folder named by the environment variable `MNIST_DIR`,
then in its cache `~/.cache/numpynet/mnist` (or `$NUMPYNET_CACHE/mnist`), and otherwise downloads
them into the cache (about 12 MB), checking every file's SHA-256. Without a network, copy the four
files into a folder and start JupyterLab with `MNIST_DIR` pointing at it:

```bash
MNIST_DIR=/path/to/mnist jupyter lab {notebook}
```

(Windows PowerShell: `$env:MNIST_DIR = "C:\\path\\to\\mnist"`, then `jupyter lab {notebook}`.)
When it finds the files nowhere it stops with a message that lists where it looked and names
`MNIST_DIR`.

## Submit

In JupyterLab choose Kernel > Restart Kernel and Run All Cells, check that every cell ran without an
error, save, and hand in `{notebook}`: that one file, under that name. Leave the test cells as they
are. `numpynet/` is not handed in: grading uses its own copy.
"""

README_TEXT_KO = """\
{title}

이 폴더는 numpynet 과정의 과제 하나입니다. 노트북 `{notebook}`과, 이 과제에 필요한 만큼 갖춘 과정의
NumPy 라이브러리 `numpynet/`이 들어 있습니다. 이번 과제와 이후 과제에서 여러분이 작성할 부분은 이
라이브러리에서 `NotImplementedError`를 일으킵니다. 답은 노트북에 작성하세요. 노트북은 이 폴더의
`numpynet/`을 불러오므로 `numpynet/` 옆에 두세요.

## 설치 (한 번만; Python 3.10 이상)

{install}
## 열기

{open}
`YOUR CODE HERE`라고 표시된 셀마다 `raise NotImplementedError()` 자리에 코드를 작성하고, 그 뒤의 테스트
셀을 실행하세요. 답이 맞으면 통과했다고 출력하고, 틀리면 무엇이 틀렸는지 알려 줍니다. 채점할 때는
여러분이 보지 못한 입력에 대한 테스트가 더 실행됩니다. 테스트 셀의 출력과 메시지는 아직 영어입니다.

## MNIST

노트북은 `numpynet.data.load_mnist`로 MNIST를 불러옵니다. 이 함수는 원본 파일 네 개
(`train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`, `t10k-images-idx3-ubyte.gz`,
`t10k-labels-idx1-ubyte.gz`)를 먼저 환경 변수 `MNIST_DIR`가 가리키는 폴더에서, 그다음 캐시
`~/.cache/numpynet/mnist`(또는 `$NUMPYNET_CACHE/mnist`)에서 찾고, 어디에도 없으면 캐시에 내려받습니다
(약 12 MB). 파일마다 SHA-256을 확인합니다. 네트워크가 없으면 네 파일을 한 폴더에 복사하고,
`MNIST_DIR`가 그 폴더를 가리키게 하여 JupyterLab을 시작하세요.

```bash
MNIST_DIR=/path/to/mnist jupyter lab {notebook}
```

(Windows PowerShell: `$env:MNIST_DIR = "C:\\path\\to\\mnist"`, 그다음 `jupyter lab {notebook}`.)
파일을 어디에서도 찾지 못하면, 찾아본 곳을 나열하고 `MNIST_DIR`를 알려 주는 메시지를 내고 멈춥니다.

## 제출

JupyterLab에서 Kernel > Restart Kernel and Run All Cells를 선택해 모든 셀이 오류 없이 실행되는지
확인하고, 저장한 다음 `{notebook}` 파일 하나를 그 이름 그대로 제출하세요(hand in `{notebook}`).
테스트 셀은 그대로 두세요. `numpynet/`은 제출하지 않습니다. 채점에는 채점기의 사본을 씁니다.
"""
READMES = {"en": README_TEXT, "ko": README_TEXT_KO}


class BundleRefused(RuntimeError):
    """A bundle would give students something they must not have, or an outdated release."""


def title(notebook_path):
    """The notebook's first heading (its first markdown line starting with ``# ``)."""
    for cell in notebook.read(notebook_path).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line
    return f"# {Path(notebook_path).stem}"


def released_folder(assignment, lang=edition.DEFAULT):
    """``assignments/<assignment>/`` (an edition's: ``edition.release_folder``), which ``make
    release`` writes; BundleRefused if it is not there."""
    if assignment not in release.available():
        raise BundleRefused(f"no assignment {assignment!r}: source/ holds {release.available()}")
    folder = edition.release_folder(release.ASSIGNMENTS_DIR, lang) / assignment
    if not folder.is_dir():
        raise BundleRefused(f"{folder} missing: run `make release`")
    return folder


def stage(assignment, folder, lang=edition.DEFAULT):
    """Lay out ``folder/<assignment>/``: the released folder of edition ``lang`` (no caches or
    checkpoints), the README in its language and the requirements."""
    top = Path(folder) / assignment
    shutil.copytree(released_folder(assignment, lang), top, ignore=UNSHIPPED)
    name = f"{assignment}.ipynb"
    words = {"notebook": name, "assignment": assignment, "requirements": REQUIREMENTS}
    (top / README).write_text(READMES[lang].format(title=title(top / name), install=INSTALL.format(**words),
                                                   open=OPEN.format(**words), **words))
    (top / REQUIREMENTS).write_text("\n".join(STUDENT_REQUIREMENTS) + "\n")
    return top


def files(folder):
    """The relative paths of every file under ``folder``, as zip entries spell them."""
    return {path.relative_to(folder).as_posix() for path in Path(folder).rglob("*") if path.is_file()}


def bundle_files(assignment):
    """The files a bundle may hold: the notebook, the student package, the README, the requirements."""
    with tempfile.TemporaryDirectory() as tmp:
        package = files(student_package.build(assignment, tmp))
    return {f"{assignment}.ipynb", README, REQUIREMENTS} | {f"numpynet/{name}" for name in package}


def problems(folder, assignment, lang=edition.DEFAULT):
    """Why the bundle staged in ``folder/<assignment>/`` must not reach students ([] when it may):
    release.py's leak scan (nbgrader markers, hidden tests, autograder imports, locked references),
    any file a bundle does not hold (the autograder package, a checks module, ...) and a release
    older than its source."""
    found = release.leaks(folder)
    found += [f"{assignment}/{name}: not part of a student bundle (only the notebook, numpynet/, "
              f"{README} and {REQUIREMENTS} are)"
              for name in sorted(files(Path(folder) / assignment) - bundle_files(assignment))]
    found += [reason for reason in [release.stale(assignment, [lang])] if reason]
    return [problem.replace(f"{folder}{os.sep}", "") for problem in found]


def write_zip(top, target, prefix=None, executable=()):
    """Zip the folder ``top`` as ``<prefix>/...`` (by default top's name; "" for none) into
    ``target``, the same bytes for the same files, the files named in ``executable`` executable;
    the zip appears only once complete."""
    prefix = top.name if prefix is None else prefix
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in sorted(files(top)):
            entry = zipfile.ZipInfo(f"{prefix}/{name}" if prefix else name, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever builds it, so the permissions below apply
            entry.external_attr = (0o755 if name in executable else 0o644) << 16
            archive.writestr(entry, (top / name).read_bytes())
    os.replace(partial, target)
    return target


def build(assignments=None, dist_dir=DIST, editions=(edition.DEFAULT,)):
    """Write ``dist_dir/<assignment>.zip`` (the Korean edition's: ``dist_dir/ko/<assignment>.zip``)
    for each assignment (all released ones by default) and edition from its release; raise
    BundleRefused, writing nothing for it, when a bundle would leak."""
    written = []
    for lang in editions:
        out = edition.release_folder(Path(dist_dir), lang)
        out.mkdir(parents=True, exist_ok=True)
        for assignment in assignments or release.available():
            with tempfile.TemporaryDirectory() as tmp:
                top = stage(assignment, tmp, lang)
                found = problems(tmp, assignment, lang)
                if found:
                    raise BundleRefused(f"bundle {assignment} ({lang}) refused:\n  " + "\n  ".join(found))
                written.append(write_zip(top, out / f"{assignment}.zip"))
            print(f"bundle {assignment} ({lang}) -> {written[-1]}")
    return written
