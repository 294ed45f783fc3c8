"""Hostile submissions (tests/hostile/, see its README) graded in ONE batch with honest students,
through grade.grade_class and the real sandbox: the batch completes, no attack earns a point,
honest students keep full marks, nothing outside the sandbox's scratch folders changes, nothing
outlives grading, and no feedback page leaks a canary or runs the submission's HTML."""
import dataclasses
import hashlib
import os
import re
import socket
import subprocess
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from autograder import demo, grade, notebook, release, sandbox
from autograder.course import ROOT

HOSTILE = Path(__file__).parent / "hostile"
ASSIGNMENT = "ps1_activations"
HONEST = {"ada": "correct", "ben": "blank", "cal": "correct"}   # ada is the victim
VICTIM = "ada"
CELL_TIMEOUT = 240           # no attack waits it out; the 200 MB print took over 60 s beside other grading
ENV_VAR, ENV_CANARY = "AUTOGRADER_HOSTILE_CANARY", "env-canary-5f1c9a"
NET_CANARY = "net-canary-77d0e2"
FILE_CANARY = "file-canary-c3b8e4"
SLEEPER = ["sleep", "7771"]  # what detached_sleeper.py leaves behind
PAYLOAD = "PWNED"            # what the scripts of the attacks would set document.title to
HEADER = re.compile(r"^#\s*(answer|base|adds|link|attack):\s*(.*)$")
WRITTEN_BY_GRADING = ("autograded", "feedback", "reports", "gradebook.db", "release", ".locks")

pytestmark = [pytest.mark.skipif(ASSIGNMENT not in release.available(), reason="needs ps1"),
              pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")]


@dataclasses.dataclass
class Attack:
    name: str
    answer: str
    base: str          # "blank" or "correct"
    adds: str          # "" or the type of the cell the code becomes
    link: str          # "" or "<name> -> <target>"
    code: str


def load(path):
    meta, body = {"answer": "", "base": "blank", "adds": "", "link": "", "attack": ""}, []
    for line in path.read_text().splitlines():
        match = HEADER.match(line) if not body else None
        if match:
            meta[match.group(1)] = match.group(2).strip()
        else:
            body.append(line)
    return Attack(path.stem, meta["answer"], meta["base"], meta["adds"], meta["link"], "\n".join(body) + "\n")


ATTACKS = [load(p) for p in sorted(HOSTILE.glob("*.py"))]


def fill(text, words):
    for word, value in words.items():
        text = text.replace(word, str(value))
    return text


def hostile_notebook(attack, release_dir, words):
    """The base submission with the attack in its answer cell (or in a cell of its own)."""
    nb = demo.submission(ASSIGNMENT, attack.base, release_dir)
    code = fill(attack.code, words)
    cells = notebook.cells_by_grade_id(nb)
    if not attack.adds:
        return notebook.replace_answer(nb, attack.answer, code + "\n" + cells[attack.answer].source)
    new = {"markdown": nbformat.v4.new_markdown_cell, "raw": nbformat.v4.new_raw_cell}[attack.adds](code)
    nb.cells.insert(nb.cells.index(cells[attack.answer]) + 1, new)
    return nb


def write_submissions(class_dir, words):
    demo.build(class_dir, class_dir / "release", [ASSIGNMENT], {s: {"*": kind} for s, kind in HONEST.items()})
    for attack in ATTACKS:
        folder = class_dir / "submitted" / attack.name / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(hostile_notebook(attack, class_dir / "release", words), str(folder / f"{ASSIGNMENT}.ipynb"))
        if attack.link:
            name, target = (part.strip() for part in attack.link.split("->"))
            (folder / name).symlink_to(fill(target, words))


def file_hashes(root, skip=()):
    """{relative path: sha256} of the files under ``root``, symlinks by their target."""
    hashes = {}
    for path in sorted(Path(root).rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in skip or "__pycache__" in relative.parts or path.is_dir() and not path.is_symlink():
            continue
        hashes[str(relative)] = os.readlink(path) if path.is_symlink() else hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def repository_state():
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    return status, {part: file_hashes(ROOT / part) for part in ("autograder", "source", "numpynet")}


def processes():
    """{pid: argv} of every process on the machine."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
            except OSError:
                pass
    return found


class CanaryServer:
    """A TCP server on 127.0.0.1 that sends the canary to whoever connects, and counts them."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.sendall(NET_CANARY.encode())
            conn.close()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    grade.prepare_environment()
    server = CanaryServer()
    secret = tmp_path_factory.mktemp("grader-files") / "secret.txt"
    secret.write_text(FILE_CANARY)
    class_dir = tmp_path_factory.mktemp("hostile") / "class"
    words = {"__CLASS_DIR__": class_dir, "__REPO__": ROOT, "__PORT__": server.port, "__VICTIM__": VICTIM,
             "__SECRET__": secret}
    grade.init_class(class_dir, [ASSIGNMENT], cell_timeout=CELL_TIMEOUT)
    write_submissions(class_dir, words)
    for student, _ in grade.submissions(class_dir, [ASSIGNMENT]):
        grade.prepare(class_dir, student, ASSIGNMENT)  # what grading does first, so that it changes nothing
    before = {"class": file_hashes(class_dir, WRITTEN_BY_GRADING), "repo": repository_state(), "pids": set(processes())}
    os.environ[ENV_VAR] = ENV_CANARY
    start = time.time()
    try:
        entries = grade.grade_class(class_dir, [ASSIGNMENT], jobs=2, progress=False, cell_timeout=CELL_TIMEOUT)
    finally:
        del os.environ[ENV_VAR]
    seconds = time.time() - start
    after = {"class": file_hashes(class_dir, WRITTEN_BY_GRADING), "repo": repository_state(), "pids": processes()}
    server.sock.close()
    print(f"hostile batch: {len(entries)} submissions graded in {seconds:.0f} s")
    return {"class_dir": class_dir, "entries": {e["student"]: e for e in entries}, "before": before,
            "after": after, "server": server, "seconds": seconds}


def feedback_page(batch, student):
    return batch["class_dir"] / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"


def autograded(batch, student):
    return batch["class_dir"] / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"


def test_the_batch_completes_with_every_submission_graded(batch):
    assert set(batch["entries"]) == set(HONEST) | {a.name for a in ATTACKS}
    not_graded = {s: e["reason"] for s, e in batch["entries"].items() if e["status"] != "graded"}
    assert not not_graded, not_graded


def test_honest_students_keep_full_marks_and_the_blank_one_none(batch):
    for student, kind in HONEST.items():
        e = batch["entries"][student]
        assert e["autograded_score"] == (e["autograded_max"] if kind == "correct" else 0), (student, e["tests"])


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a.name)
def test_no_attack_scores_more_than_its_answers_without_it(batch, attack):
    baseline = next(batch["entries"][s]["score"] for s, kind in HONEST.items() if kind == attack.base)
    e = batch["entries"][attack.name]
    assert e["score"] <= baseline, (e["score"], baseline, e["reason"])


def test_nothing_outside_the_scratch_folders_changed(batch):
    before, after = batch["before"], batch["after"]
    changed = {p for p in set(before["class"]) | set(after["class"]) if before["class"].get(p) != after["class"].get(p)}
    assert not changed, sorted(changed)
    (status_before, files_before), (status_after, files_after) = before["repo"], after["repo"]
    changed = {f"{part}/{p}" for part in files_before for p in set(files_before[part]) | set(files_after[part])
               if files_before[part].get(p) != files_after[part].get(p)}
    assert not changed and status_after == status_before, (sorted(changed), status_before, status_after)


def test_the_gradebook_holds_every_student_and_the_honest_grades(batch):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{batch['class_dir'] / 'gradebook.db'}") as gb:
        assert {s.id for s in gb.students} == set(batch["entries"])
        for student, kind in HONEST.items():
            sub = gb.find_submission(ASSIGNMENT, student)
            assert sub.code_score == (sub.max_code_score if kind == "correct" else 0), student


def test_nothing_outlives_grading(batch):
    class_dir = str(batch["class_dir"])
    left = {pid: argv for pid, argv in batch["after"]["pids"].items()
            if argv == SLEEPER or any(class_dir in arg for arg in argv)}
    assert not left, left


def test_no_network_connection_reached_the_host(batch):
    assert batch["server"].connections == 0


class ActiveParts(HTMLParser):
    """The text of a page's scripts and every attribute value: where a payload would run."""

    def __init__(self):
        super().__init__()
        self.scripts, self.attributes, self.in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        self.attributes += [value or "" for _, value in attrs]

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts.append(data)


def active_parts(html):
    parser = ActiveParts()
    parser.feed(html)
    return parser


# What the batch found that is not fixed yet (an attack's name and why): each is a strict xfail, so
# the test fails loudly once the leak is fixed. Fixed so far: /proc/1/environ (bwrap now starts with
# a minimal environment), the graded notebook beside the kernel (kernels work on a copy without
# notebooks), symbolic links in an upload (grade.prepare removes them).
KNOWN_LEAKS = {}


def feedback_students():
    return [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[s])) if s in KNOWN_LEAKS else s
            for s in [a.name for a in ATTACKS] + list(HONEST)]


@pytest.mark.parametrize("student", feedback_students())
def test_feedback_leaks_no_canary_and_runs_nothing_of_the_submission(batch, student):
    html = feedback_page(batch, student).read_text()
    graded = autograded(batch, student).read_text()
    for canary in (ENV_CANARY, NET_CANARY, FILE_CANARY):
        assert canary not in html and canary not in graded, canary
    assert "BEGIN HIDDEN TESTS" not in html
    parts = active_parts(html)
    assert not [s for s in parts.scripts if PAYLOAD in s]
    assert not [a for a in parts.attributes if PAYLOAD in a]
    honest = feedback_page(batch, "ben").read_text()
    assert html.count("<script") == honest.count("<script"), "a script tag that is not the template's"


def test_the_real_home_is_not_listed(batch):
    home_only = set(os.listdir(Path.home())) - {".pyenv", ".cache", ".config", ".ipython"}
    text = autograded(batch, "list_home").read_text()
    listings = re.findall(r"LISTING (\S+) (\[.*?\])", text)
    assert listings and not [name for _, listing in listings for name in home_only if repr(name) in listing], listings


def test_a_200_mb_print_keeps_a_small_notebook_and_says_it_was_cut(batch):
    assert autograded(batch, "print_200mb").stat().st_size < 2_000_000
    assert feedback_page(batch, "print_200mb").stat().st_size < 2_000_000
    assert "output truncated: this cell printed 2" in autograded(batch, "print_200mb").read_text()
    assert "output truncated in cell `sigmoid`" in batch["entries"]["print_200mb"]["reason"]


def test_reasons_name_the_limit(batch):
    reasons = {s: e["reason"] for s, e in batch["entries"].items()}
    assert "memory limit of 4 GiB reached in cell `sigmoid`" in reasons["allocate_12gb"], reasons["allocate_12gb"]
    assert reasons["kill_parent"] == "kernel died in cell `sigmoid`", reasons["kill_parent"]
    assert not any(reasons[s] for s in HONEST), {s: reasons[s] for s in HONEST}


def test_the_batch_fits_in_ci(batch):
    assert batch["seconds"] < 900, batch["seconds"]
