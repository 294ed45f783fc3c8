"""The course's editions: one source notebook holds every language, and a release picks one.

A markdown cell of the students' text is tagged ``lang:en`` or ``lang:ko``; its twin in the other
language follows it. The text of a code cell that nbgrader does not check, an answer cell or a
plain code cell (its docstrings and comments), is translated in the cell's metadata (``TEXTS``):
pairs of an English passage and its translation, which the release puts in place of the English;
its code is the same in every edition. Every other cell (tests, written answers graded by hand)
has no language and is in every edition, byte for byte, so that one gradebook and one grader take
either edition. (nbgrader compares a submitted cell with its gradebook only when the cell is
locked, or a written answer left as released.)
The English edition is released into ``assignments/<assignment>/``, the Korean one into
``assignments/ko/<assignment>/``: the same assignment names, as nbgrader needs.
"""
import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode

from . import notebook

EDITIONS = ("en", "ko")
DEFAULT = "en"
TAG = "lang:"
TEXTS = "numpynet_course"  # a code cell's metadata: {"ko": [[English passage, its translation], ...]}


def language(cell):
    """The language a cell is written in ("en", "ko"), or None for a cell of every edition."""
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith(TAG)]
    if len(tags) > 1:
        raise ValueError(f"cell {cell.get('id')} has more than one language tag: {tags}")
    return tags[0][len(TAG):] if tags else None


def check_edition(edition):
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; the course has {', '.join(EDITIONS)}")
    return edition


def of(nb, edition=DEFAULT):
    """A copy of ``nb`` with the cells of ``edition`` and those of every edition, without the
    language tags; the edition is named in the notebook's metadata (``numpynet_course``)."""
    check_edition(edition)
    nb = nbformat.from_dict(nb)
    kept = []
    for cell in nb.cells:
        lang = language(cell)
        if lang is not None and lang not in EDITIONS:
            raise ValueError(f"cell {cell.get('id')} is tagged {TAG}{lang}; the course has {', '.join(EDITIONS)}")
        if lang in (None, edition):
            cell.source = translated(cell, edition)
            tags = [t for t in cell.metadata.get("tags", []) if not t.startswith(TAG)]
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
            kept.append(cell)
    nb.cells = kept
    nb.metadata["numpynet_course"] = {"edition": edition}
    return nb


def translated(cell, edition):
    """``cell``'s source in ``edition``, its ``TEXTS`` metadata removed: each English passage
    replaced by the edition's translation. Each passage must occur exactly once in the cell, and
    only an answer cell (code, solution, neither graded nor locked) or a code cell that is no
    nbgrader cell may carry translations."""
    texts = cell.get("metadata", {}).pop(TEXTS, None)
    if not texts:
        return cell.source
    if not translatable(cell):
        raise ValueError(f"cell {cell.get('id')} carries translations but is neither an answer cell nor a plain "
                         "code cell: a markdown, grade, test or locked cell must be the same in every edition")
    translations = set(EDITIONS) - {DEFAULT}
    if set(texts) - translations:
        raise ValueError(f"cell {cell.get('id')} has translations into {sorted(set(texts) - translations)}; "
                         f"the course translates into {', '.join(sorted(translations))}")
    source = cell.source
    for english, translation in texts.get(edition, []):
        found = source.count(english)
        if found != 1:
            raise ValueError(f"cell {cell.get('id')}: the English passage {english[:60]!r} occurs {found} "
                             "times in the cell, not once: mend its translation in the cell's metadata")
        source = source.replace(english, translation)
    return source


def translatable(cell):
    """A code cell nbgrader never checks: an answer cell (not locked), or no nbgrader cell at all."""
    meta = notebook.nbgrader_meta(cell)
    return cell.cell_type == "code" and (not meta or (notebook.is_answer(cell) and not meta.get("locked")))


def edition_of(nb):
    """The edition a released or submitted notebook says it is (English when it says nothing)."""
    named = nb.get("metadata", {}).get("numpynet_course", {}).get("edition", DEFAULT)
    return named if named in EDITIONS else DEFAULT


def release_folder(assignments_dir, edition):
    """Where an edition's assignments are released: ``assignments/`` or ``assignments/<edition>/``."""
    return assignments_dir if check_edition(edition) == DEFAULT else assignments_dir / edition


class PickEdition(Preprocessor):
    """The first step of ``nbgrader generate_assignment`` (``c.GenerateAssignment.preprocessors``):
    the release keeps the cells and text of one edition, ``c.PickEdition.edition``, so that
    nbgrader's checksums and gradebook are computed from what the students receive."""

    enabled = Bool(True)
    edition = Unicode(DEFAULT, help=f"the edition released: one of {', '.join(EDITIONS)}").tag(config=True)

    def preprocess(self, nb, resources):
        return of(nb, self.edition), resources
