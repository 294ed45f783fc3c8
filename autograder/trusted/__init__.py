"""Where grades are decided: a trusted process that never imports or executes student code.

A test cell's code (the course's, from the source notebook) runs here. The names it takes from the
student's notebook are proxies (``proxy.py``) for objects living in a sandboxed kernel, reached
through the agent (``autograder/sandbox/agent.py``) over the wire (``wire.py``; ``channel.py``,
a Unix socket in the kernel's private folder):
only plain data crosses, and everything that comes back is checked here. Each answer's tests get a
fresh kernel that ran only the cells they need (``cells.py``, ``student.py``); the MNIST tests use
the kernel that trained the model, whose weights are rebuilt into the reference core (``model.py``).
``execute.py`` plugs this into nbgrader's autograde; ``testcell.py`` runs one test cell.
"""
