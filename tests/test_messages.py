"""The checks' messages exist in every edition: every message the checks raise is marked for
translation (``autograder.messages``), and every marked message has its Korean text, with the
same fields, in the catalog; the catalog holds nothing the checks no longer say."""
import ast
import re
import string
from pathlib import Path

import pytest

from autograder import messages, notebook, release
from autograder.trusted import testcell
from autograder.course import ROOT

# The checks' modules and the grader's reasons why a trained model cannot be evaluated.
CHECKS = sorted((ROOT / "autograder" / "checks").glob("[!_]*.py")) + [
    ROOT / "autograder" / "checks" / "_common.py", ROOT / "autograder" / "trusted" / "model.py"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# three words apart by spaces: prose (a dotted name such as np.random.default_rng is code)
WORDS = re.compile(r"[A-Za-z]{2,}[,:;.()'-]*\s[\s,:;.()'-]*[A-Za-z]{2,}[,:;.()'-]*\s[\s,:;.()'-]*[A-Za-z]{2,}")


def _marked(tree):
    """(template, line) of every ``t("...")`` and ``N_("...")``, and the nodes inside those calls."""
    found, inside = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("t", "N_") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((first.value, node.lineno))
                inside.add(id(first))
            elif isinstance(first, ast.JoinedStr):
                inside.add(id(first))
                found.append((None, node.lineno))   # an f-string: its text cannot be looked up
    return found, inside


def _docstrings(tree):
    nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))]
    return {id(n.body[0].value) for n in nodes
            if n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}


def _prose(tree, exempt):
    """Line numbers of English text outside ``t``/``N_`` and docstrings."""
    lines = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.JoinedStr):
            exempt.update(id(v) for v in node.values)
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if WORDS.search(text):
            lines.append(node.lineno)
    return lines


def fields(template):
    return sorted(name for _, name, spec, conv in string.Formatter().parse(template) if name is not None)


def parsed(path):
    return ast.parse(path.read_text(), str(path))


def marked_templates():
    return {template: (path.name, line) for path in CHECKS for template, line in _marked(parsed(path))[0] if template}


@pytest.mark.parametrize("path", CHECKS, ids=lambda p: p.name)
def test_every_message_of_the_checks_is_marked_for_translation(path):
    tree = parsed(path)
    found, inside = _marked(tree)
    assert not [line for template, line in found if template is None], (
        f"{path.name}: t() of an f-string cannot be translated; write t('... {{name}} ...', name=...)")
    unmarked = _prose(tree, inside | _docstrings(tree))
    assert not unmarked, (f"{path.name} lines {unmarked}: text a student reads, not marked t(...) or N_(...), "
                          "so it would reach a Korean submission in English")


@pytest.mark.parametrize("lang", [e for e in messages.EDITIONS if e != messages.DEFAULT])
def test_every_marked_message_has_its_translation_with_the_same_fields(lang):
    translated = messages.catalog(lang)
    templates = marked_templates()
    missing = {m: where for m, where in templates.items() if m not in translated}
    assert not missing, f"{len(missing)} messages have no {lang} text, e.g. {list(missing.items())[:3]}"
    unused = [m for m in translated if m not in templates]
    assert not unused, f"the {lang} catalog translates messages the checks no longer say: {unused[:3]}"
    wrong = {m: (fields(m), fields(translated[m])) for m in templates if fields(m) != fields(translated[m])}
    assert not wrong, f"translations whose fields differ from the English: {list(wrong.items())[:3]}"
    if lang == "ko":
        english = [m for m in templates if WORDS.search(m) and not HANGUL.search(translated[m])]
        assert not english, f"Korean texts that hold no Korean: {english[:3]}"


def test_a_message_is_given_in_the_edition_being_graded():
    template = next(m for m in marked_templates() if fields(m))
    sample = {name: "X" for name in fields(template)}
    assert messages.t(template, **sample) == template.format(**sample)
    with messages.speaking("ko"):
        assert messages.t(template, **sample) == messages.catalog("ko")[template].format(**sample)
        assert HANGUL.search(messages.t(template, **sample))
    assert messages.current() == messages.DEFAULT


def test_the_grader_runs_a_test_cell_in_the_submissions_edition():
    def unwritten(x):
        raise NotImplementedError

    code = "from autograder.checks._common import call\ncall('ReLU().forward', unwritten, 1.0)"
    outputs = {lang: testcell.run(code, "test_relu_forward", {"unwritten": unwritten}, lambda name: None, lang)
               for lang in ("en", "ko")}
    english, korean = (outputs[lang][-1]["evalue"] for lang in ("en", "ko"))
    assert english.startswith("ReLU().forward raised NotImplementedError: write your implementation")
    assert korean.startswith("ReLU().forward에서 NotImplementedError가 발생했습니다") and HANGUL.search(korean)


def _hidden_tests(assignment):
    """The code of every hidden-tests block of the assignment's source notebook."""
    for cell in notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb").cells:
        text = cell.source
        while "### BEGIN HIDDEN TESTS" in text:
            start = text.index("### BEGIN HIDDEN TESTS")
            end = text.index("### END HIDDEN TESTS", start)
            yield text[start:end]
            text = text[end:]


@pytest.mark.parametrize("assignment", release.available())
def test_the_hidden_tests_hand_the_checks_no_text_of_their_own(assignment):
    """A text written in a notebook's hidden test would reach the students of every edition in
    English: the check modules hold the texts (and the thresholds they describe)."""
    texts = [node.value for block in _hidden_tests(assignment) for node in ast.walk(ast.parse(block))
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and WORDS.search(node.value)]
    assert not texts, f"{assignment}'s hidden tests pass their own text to the checks: {texts[:2]}"
