"""The class's grades for an LMS gradebook: ``reports/lms-grades.csv``, pivoted from nbgrader's
own export (``grades.csv``, the whole gradebook, hand-graded points included): one row per
student, one column per assignment and the total, in the layout of Canvas's gradebook CSV
(``Student, ID, SIS User ID, SIS Login ID, Section``, a column per assignment, a ``Points
Possible`` row second), which Moodle's CSV grade import reads too (map ``SIS Login ID`` to the
username, the assignment columns to grade items).

The student id the kit grades under is the LMS login: it is what an LMS download names a
submission by (``zip_collect``). Canvas's own ``ID`` and ``SIS User ID`` are left empty: Canvas
matches a row by any of the three."""
import csv
from pathlib import Path

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
POINTS_POSSIBLE = "    Points Possible"   # Canvas's own spelling, indent included
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value):
    """A value a spreadsheet shows as text: a student id such as ``=HYPERLINK(...)`` would run."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def display_name(row):
    """Canvas's "Last, First", or the student id when the gradebook has no name."""
    return ", ".join(filter(None, [row["last_name"], row["first_name"]])) or row["student_id"]


def write(class_dir, assignments):
    """Write ``reports/lms-grades.csv`` from ``reports/grades.csv``; returns its path."""
    reports = Path(class_dir) / "reports"
    with open(reports / "grades.csv", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["assignment"] in assignments]
    maxima = {a: max([float(r["max_score"]) for r in rows if r["assignment"] == a] or [0.0]) for a in assignments}
    students = {}
    for r in rows:
        student = students.setdefault(r["student_id"], {"name": display_name(r), "scores": {}})
        student["scores"][r["assignment"]] = float(r["score"])
    target = reports / "lms-grades.csv"
    with open(target, "w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(IDENTITY + [f"{a} ({maxima[a]:g} points)" for a in assignments] + ["Total"])
        out.writerow([POINTS_POSSIBLE, "", "", "", ""] + [f"{maxima[a]:g}" for a in assignments]
                     + [f"{sum(maxima.values()):g}"])
        for student_id, student in sorted(students.items()):
            points = [student["scores"].get(a) for a in assignments]
            out.writerow([cell_text(student["name"]), "", "", cell_text(student_id), ""]
                         + ["" if p is None else f"{p:g}" for p in points]
                         + [f"{sum(p for p in points if p is not None):g}"])
    return target
