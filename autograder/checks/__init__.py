"""Hidden-test checks, one module per assignment topic.

A hidden test cell calls a check with the student's class or function; the check compares it with
the reference core (``autograder.reference``) on inputs the student never sees, and fails with an
``AssertionError`` whose message says what was expected, what came and, where the numbers point
to a known mistake, names the mistake.
"""
