"""pytest settings for every test under the repository, the solution notebooks under nbval too."""


def pytest_collection_modifyitems(items):
    """nbval gives up on a cell when no output message arrives for 5 s after the kernel's reply
    (its hard-coded ``output_timeout``). A training cell's progress bar sends thousands of widget
    messages, and on a loaded machine the kernel's output thread can fall that far behind."""
    for item in items:
        if hasattr(item, "output_timeout"):
            item.output_timeout = 120
