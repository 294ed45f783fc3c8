"""nbgrader's grade export with bonus points: ``c.ExportApp.plugin_class`` names this plugin.

nbgrader has no bonus points of its own: an assignment's ``max_score`` sums every graded cell,
bonus tests (``notebook.is_bonus``) included. This plugin runs nbgrader's own CSV export on a
view of the gradebook whose assignments' ``max_score`` leaves the bonus tests out, so a student
who solves a bonus scores above the maximum, as in the kit's reports."""
from nbgrader.plugins import CsvExportPlugin

from .notebook import is_bonus


class _WithoutBonus:
    """An nbgrader Assignment whose ``max_score`` leaves out its bonus tests' points."""

    def __init__(self, assignment):
        self._assignment = assignment
        bonus = sum(cell.max_score for nb in assignment.notebooks for cell in nb.grade_cells if is_bonus(cell.name))
        self.max_score = assignment.max_score - bonus

    def __getattr__(self, name):
        return getattr(self._assignment, name)


class _Gradebook:
    """The gradebook as the export reads it, its assignments seen through ``_WithoutBonus``."""

    def __init__(self, gradebook):
        self._gradebook = gradebook

    @property
    def assignments(self):
        return [_WithoutBonus(a) for a in self._gradebook.assignments]

    def __getattr__(self, name):
        return getattr(self._gradebook, name)


class BonusCsvExportPlugin(CsvExportPlugin):
    """nbgrader's CSV export; ``max_score`` without the bonus tests, ``score`` with them."""

    def export(self, gradebook):
        super().export(_Gradebook(gradebook))
