"""The English and Korean editions: one source notebook with both languages (``lang:en`` and
``lang:ko`` markdown twins; the docstrings and comments of answer and plain code cells translated
in their metadata), two releases whose test and written-answer cells are byte-identical and whose
other code cells differ only in docstrings and comments, and one class that grades either edition
through nbgrader with the same scores."""
import ast
import io
import re
import tokenize

import nbformat
import pytest

from autograder import config, demo, edition, grade, notebook, release, sandbox
from autograder.trusted.cells import python
from autograder.course import ROOT
from corpus_loader import load_entry

ASSIGNMENTS = release.available()
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def source(assignment):
    return notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb")


def released(assignment, lang):
    return notebook.read(edition.release_folder(release.ASSIGNMENTS_DIR, lang) / assignment / f"{assignment}.ipynb")


def has_docstring(node):
    return isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node)


def code(source):
    """The cell's code: its syntax tree without docstrings (comments are not in the tree)."""
    tree = ast.parse(python(source))
    for node in filter(has_docstring, ast.walk(tree)):
        node.body = node.body[1:]
    return ast.dump(tree)


def prose(source):
    """The cell's text for readers: its docstrings, and its comments that hold words."""
    docs = [ast.get_docstring(node, clean=False) for node in filter(has_docstring, ast.walk(ast.parse(python(source))))]
    comments = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    return docs + [c for c in comments if len(re.findall(r"[A-Za-z\uac00-\ud7a3]{3,}", c)) >= 2
                   and c != release.STUB[0]]   # nbgrader's stub, the same in every edition (as its README says)


def shared(cell):
    """What must be the same in every edition: the cell's kind, nbgrader metadata (but the
    checksum nbgrader computes of an answer cell and never checks) and source, of which a
    translatable cell keeps its code (its docstrings and comments are in the edition's language)."""
    meta = dict(notebook.nbgrader_meta(cell))
    if edition.translatable(cell):
        meta.pop("checksum", None)
        return cell.cell_type, code(cell.source), meta
    return cell.cell_type, cell.source, meta


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_text_cell_has_its_korean_twin_and_nothing_graded_has_a_language(assignment):
    cells = source(assignment).cells
    untagged = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and edition.language(c) is None
                and not notebook.is_written(c)]
    assert not untagged, f"markdown cells {untagged} are in no language: tag them lang:en, with a lang:ko twin"
    for i, cell in enumerate(cells):
        lang = edition.language(cell)
        if lang is None:
            continue
        assert lang in edition.EDITIONS, f"cell {i} is tagged lang:{lang}"
        assert cell.cell_type == "markdown" and not notebook.nbgrader_meta(cell), (
            f"cell {i} is a {cell.cell_type} or nbgrader cell with a language: those are the same in every edition")
        if lang == "en":
            twin = cells[i + 1] if i + 1 < len(cells) else None
            assert twin is not None and edition.language(twin) == "ko", f"English cell {i} has no Korean twin after it"
            assert HANGUL.search(twin.source), f"the Korean twin of cell {i} holds no Korean"
            assert not HANGUL.search(cell.source), f"English cell {i} holds Korean"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_both_releases_share_every_cell_but_the_text(assignment):
    english, korean = released(assignment, "en"), released(assignment, "ko")
    assert edition.edition_of(english) == "en" and edition.edition_of(korean) == "ko"
    common = [shared(c) for c in english.cells if c.cell_type != "markdown" or notebook.nbgrader_meta(c)]
    assert common == [shared(c) for c in korean.cells if c.cell_type != "markdown" or notebook.nbgrader_meta(c)]
    text = {lang: [c.source for c in nb.cells if c.cell_type == "markdown" and not notebook.nbgrader_meta(c)]
            for lang, nb in (("en", english), ("ko", korean))}
    assert not any(HANGUL.search(t) for t in text["en"]), "Korean text in the English edition"
    assert all(HANGUL.search(t) for t in text["ko"]), "English-only text in the Korean edition"
    assert not any("lang:" in t for nb in (english, korean) for c in nb.cells for t in c.metadata.get("tags", []))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_code_cells_docstrings_and_comments_are_in_the_editions_language(assignment):
    for lang, nb in (("en", released(assignment, "en")), ("ko", released(assignment, "ko"))):
        for cell in filter(edition.translatable, nb.cells):
            for text in prose(cell.source):
                korean = bool(HANGUL.search(text))
                assert korean == (lang == "ko"), (
                    f"{assignment} {lang}, cell {cell.get('id')}: {text[:60]!r} "
                    + ("holds Korean" if korean else "is not translated: add it to the cell's numpynet_course metadata"))


def test_a_class_keeps_its_edition(tmp_path):
    config.write(tmp_path, edition="ko")
    config.write(tmp_path)                      # a later `init` or `grade` without --edition
    assert config.load(tmp_path).PickEdition.edition == "ko"
    with pytest.raises(ValueError, match="unknown edition"):
        config.write(tmp_path, edition="fr")


def test_the_edition_picks_its_cells_and_drops_the_tags():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("Hello", metadata={"tags": ["lang:en"]}),
        nbformat.v4.new_markdown_cell("안녕하세요", metadata={"tags": ["lang:ko", "keep"]}),
        nbformat.v4.new_code_cell("x = 1")])
    korean = edition.of(nb, "ko")
    assert [c.source for c in korean.cells] == ["안녕하세요", "x = 1"]
    assert korean.cells[0].metadata.tags == ["keep"] and edition.edition_of(korean) == "ko"
    assert [c.source for c in edition.of(nb, "en").cells] == ["Hello", "x = 1"]


def answer_cell(source, texts, **nbgrader):
    meta = {"solution": True, "grade": False, "locked": False, "grade_id": "f", **nbgrader}
    return nbformat.v4.new_code_cell(source, metadata={"nbgrader": meta, edition.TEXTS: texts})


def test_an_answer_cells_docstrings_are_translated_and_its_code_is_not():
    cell = answer_cell('def f(x):\n    """Twice x."""\n    return 2 * x', {"ko": [['"""Twice x."""', '"""x의 두 배."""']]})
    nb = nbformat.v4.new_notebook(cells=[cell])
    korean, english = edition.of(nb, "ko").cells[0], edition.of(nb, "en").cells[0]
    assert korean.source == 'def f(x):\n    """x의 두 배."""\n    return 2 * x' and english.source == cell.source
    assert edition.TEXTS not in korean.metadata and edition.TEXTS not in english.metadata


def test_a_plain_code_cells_comments_are_translated_and_a_markdown_cells_never():
    plain = nbformat.v4.new_code_cell("n = 3  # three of them", metadata={edition.TEXTS: {"ko": [["# three of them", "# 세 개"]]}})
    assert edition.of(nbformat.v4.new_notebook(cells=[plain]), "ko").cells[0].source == "n = 3  # 세 개"
    text = nbformat.v4.new_markdown_cell("Three", metadata={edition.TEXTS: {"ko": [["Three", "셋"]]}})
    with pytest.raises(ValueError, match="neither an answer cell nor a plain code cell"):
        edition.of(nbformat.v4.new_notebook(cells=[text]), "ko")


@pytest.mark.parametrize("texts, nbgrader, error", [
    ({"ko": [["Thrice", "세 배"]]}, {}, "occurs 0 times"),
    ({"ko": [["x", "엑스"]]}, {}, "occurs 3 times"),
    ({"fr": [["Twice", "Deux fois"]]}, {}, "translations into"),
    ({"ko": [["Twice", "두 배"]]}, {"grade": True, "points": 1}, "neither an answer cell"),
    ({"ko": [["Twice", "두 배"]]}, {"solution": False, "locked": True}, "neither an answer cell"),
])
def test_a_translation_that_does_not_fit_its_cell_is_refused(texts, nbgrader, error):
    nb = nbformat.v4.new_notebook(cells=[answer_cell('def f(x):\n    """Twice x."""\n    return 2 * x', texts, **nbgrader)])
    with pytest.raises(ValueError, match=error):
        edition.of(nb, "ko")


# ---------------------------------------------------------------------------------------------
# one class, both editions, through nbgrader

ASSIGNMENT = "ps1_activations"
MISTAKE = "tanh_exp_formula"   # passes the visible derivative test: a hidden check names it
STUDENTS = {"ada-en": ("en", "model"), "ada-ko": ("ko", "model"), "cleo-ko": ("ko", f"corpus:{MISTAKE}")}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    if sandbox.problem() is not None:
        pytest.skip(f"no sandbox here: {sandbox.problem()}")
    grade.prepare_environment()
    class_dir = grade.init_class(tmp_path_factory.mktemp("korean") / "class", [ASSIGNMENT], edition="ko")
    for student, (lang, kind) in STUDENTS.items():
        folder = class_dir / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(demo.submission(ASSIGNMENT, kind, edition.release_folder(release.ASSIGNMENTS_DIR, lang)),
                       str(folder / f"{ASSIGNMENT}.ipynb"))
    entries = grade.grade_class(class_dir, [ASSIGNMENT], jobs=2, progress=False)
    return class_dir, {e["student"]: e for e in entries}


def test_a_korean_class_releases_the_korean_edition(graded):
    class_dir, _ = graded
    nb = notebook.read(class_dir / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    assert edition.edition_of(nb) == "ko" and HANGUL.search(nb.cells[0].source)


def test_the_same_answers_get_the_same_points_in_either_edition(graded):
    _, entries = graded
    points = {s: {t["test"]: t["points"] for t in e["tests"]} for s, e in entries.items()}
    assert all(e["status"] == "graded" and not e["cell_errors"] for s, e in entries.items() if s.startswith("ada")), entries
    assert points["ada-ko"] == points["ada-en"] and entries["ada-ko"]["score"] == entries["ada-ko"]["autograded_max"]
    expected = load_entry(ROOT / "tests" / "corpus" / ASSIGNMENT / f"{MISTAKE}.py")
    failed = {t["test"] for t in entries["cleo-ko"]["tests"] if not t["passed"]}
    assert failed == set(expected.fails)


def test_the_korean_feedback_renders_the_courses_korean_text(graded):
    class_dir, _ = graded
    page = (class_dir / "feedback" / "ada-ko" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    heading = next(line for line in released(ASSIGNMENT, "ko").cells[0].source.splitlines() if line.startswith("# "))
    assert re.search(r"<h1[^>]*>\s*" + re.escape(heading[2:].strip()[:10]), page), "the Korean title is rendered"


def test_the_hidden_checks_speak_the_submissions_edition(graded):
    _, entries = graded
    message = next(t["message"] for t in entries["cleo-ko"]["tests"] if t["test"] == "test_tanh_derivative")
    assert HANGUL.search(message) and "{" not in message, message
