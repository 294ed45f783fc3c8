"""The course's grading side: nbgrader configuration, the release builder (student notebooks and
the student package without locked reference answers), the hidden-test checks, and the
``python -m autograder`` command line that grades a class."""
