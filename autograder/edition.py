"""The course's editions: one source notebook holds every language, and a release picks one.

A markdown cell of the students' text is tagged ``lang:en`` or ``lang:ko``; its twin in the other
language follows it. Every other cell (code, answers, tests, written answers graded by hand) has
no language tag and is in every edition, byte for byte, so that one gradebook and one grader take
either edition. The English edition is released into ``assignments/<assignment>/``, the Korean
one into ``assignments/ko/<assignment>/``: the same assignment names, as nbgrader needs.
"""
import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode

EDITIONS = ("en", "ko")
DEFAULT = "en"
TAG = "lang:"


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
            tags = [t for t in cell.metadata.get("tags", []) if not t.startswith(TAG)]
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
            kept.append(cell)
    nb.cells = kept
    nb.metadata["numpynet_course"] = {"edition": edition}
    return nb


def edition_of(nb):
    """The edition a released or submitted notebook says it is (English when it says nothing)."""
    named = nb.get("metadata", {}).get("numpynet_course", {}).get("edition", DEFAULT)
    return named if named in EDITIONS else DEFAULT


def release_folder(assignments_dir, edition):
    """Where an edition's assignments are released: ``assignments/`` or ``assignments/<edition>/``."""
    return assignments_dir if check_edition(edition) == DEFAULT else assignments_dir / edition


class PickEdition(Preprocessor):
    """The last step of ``nbgrader generate_assignment`` (``c.GenerateAssignment.preprocessors``):
    the release keeps the cells of one edition, ``c.PickEdition.edition``."""

    enabled = Bool(True)
    edition = Unicode(DEFAULT, help=f"the edition released: one of {', '.join(EDITIONS)}").tag(config=True)

    def preprocess(self, nb, resources):
        return of(nb, self.edition), resources
