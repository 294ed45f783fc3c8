"""The student's JupyterLab in a real browser: the ps1 bundle unpacked, JupyterLab started on it with
this venv's ``jupyter lab`` and the course kernel ``python3``, and headless Chromium (Debian's
``chromium``, driven by Playwright's Python API) choosing Run All Cells as a student would. With the
model answers every visible test prints that it passed, no cell shows an error and the MNIST
part's training plots are drawn; the blank release stops at its first test with
NotImplementedError. Screenshots of both go to ``build/test-output/browser/`` (kept after the run
for a human or a CI artifact to look at). Without chromium or playwright the tests skip, unless
NUMPYNET_REQUIRE_BROWSER is set (CI), when they fail."""
import importlib.util
import json
import os
import shutil

import nbformat
import pytest

from autograder import bundle, notebook
import local_jupyter
from conftest import BUILD
from test_bundles import model_answers, needs_mnist, released_notebook, unpack

ASSIGNMENT = "ps1_activations"
MODEL = f"{ASSIGNMENT}.ipynb"   # the released notebook with the model answers filled in
BLANK = "blank.ipynb"           # the released notebook as a student gets it
SCREENSHOTS = BUILD / "test-output" / "browser"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RUN_TIMEOUT_MS = 300_000        # ps1's model answers run in 10-20 s here, a loaded CI machine is slower
# JupyterLab settings of the test's own: every cell in the page (the default windowing leaves cells
# out of view unrendered), and no news or update toasts over the screenshots.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}
# Defined in the page before JupyterLab loads: the notebook panel open on a path, its kernel and
# whether it is idle, whether a cell waits to run, the error outputs of its cells; and a run's state.
PAGE_HELPERS = """
window.numpynet = {
  panel: path => [...window.jupyterapp.shell.widgets('main')].find(w => w.context && w.context.path === path),
  kernel: path => { const panel = window.jupyterapp && numpynet.panel(path);
                    return panel && panel.sessionContext.session && panel.sessionContext.session.kernel; },
  idle: path => { const kernel = numpynet.kernel(path);
                  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle'; },
  queued: path => [...numpynet.panel(path).node.querySelectorAll('.jp-InputPrompt')].some(
    prompt => prompt.textContent.includes('[*]')),
  errors: path => [...numpynet.panel(path).content.model.cells].flatMap((cell, index) =>
    cell.type === 'code' ? cell.outputs.toJSON().filter(out => out.output_type === 'error')
                             .map(out => [index, out.ename, out.evalue]) : []),
};
"""


def browser_missing():
    """Why no browser test can run here (None when chromium and playwright are both installed)."""
    missing = [reason for absent, reason in (
        (shutil.which("chromium") is None, "no chromium (apt-get install chromium)"),
        (importlib.util.find_spec("playwright") is None, "no playwright (pip install playwright)"))
        if absent]
    return "; ".join(missing) or None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Debian chromium under Playwright, with a home of its own (its crash reports and
    dconf cache stay out of $HOME); skips, or fails under NUMPYNET_REQUIRE_BROWSER, when either is
    missing."""
    reason = browser_missing()
    if reason and os.environ.get("NUMPYNET_REQUIRE_BROWSER"):
        pytest.fail(f"NUMPYNET_REQUIRE_BROWSER is set but {reason}")
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    home = tmp_path_factory.mktemp("browser-home")
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache")}
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True, env=env,
                                              args=["--no-sandbox"] if os.geteuid() == 0 else [])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def student_folder(tmp_path_factory):
    """The unpacked ps1 bundle holding MODEL (the model answers) and BLANK (the release as is)."""
    dist = tmp_path_factory.mktemp("dist")
    [zip_path] = bundle.build([ASSIGNMENT], dist_dir=dist)
    top = unpack(zip_path, tmp_path_factory.mktemp("unpacked"))
    released = released_notebook(top)
    nbformat.write(released, str(top / BLANK))
    nbformat.write(model_answers(released, ASSIGNMENT), str(top / MODEL))
    return top


def write_lab_settings(folder):
    """LAB_SETTINGS as JupyterLab's user settings in ``folder``."""
    for name, settings in LAB_SETTINGS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(settings))
    return folder


@pytest.fixture(scope="module")
def lab(student_folder, tmp_path_factory):
    """JupyterLab serving student_folder on 127.0.0.1 (stopped afterwards): (base URL, token)."""
    own = tmp_path_factory.mktemp("lab")
    options = [f"--ServerApp.root_dir={student_folder}", "--LabApp.expose_app_in_browser=True",
               f"--LabApp.user_settings_dir={write_lab_settings(own / 'settings')}",
               f"--LabApp.workspaces_dir={own / 'workspaces'}",
               "--LanguageServerManager.autodetect=False"]  # no `npm prefix --global`, no npm log in $HOME
    with local_jupyter.running("lab", student_folder, own / "lab.log", *options) as server:
        kernel = notebook.read(student_folder / MODEL).metadata.kernelspec.name
        assert kernel in server.call("/api/kernelspecs")["kernelspecs"], (
            f"the notebook's kernel {kernel!r} is not installed: run `make venv`")
        yield server.url, server.token


def run_all_cells(browser, lab, name):
    """A page with notebook ``name`` open in JupyterLab after Run All Cells has finished: the run
    ended, the kernel is idle again and no cell waits with ``[*]``."""
    base_url, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.add_init_script(PAGE_HELPERS)
    page.goto(f"{base_url}/lab/tree/{name}?reset&token={token}")  # reset: not the last page's workspace
    page.wait_for_function("path => numpynet.idle(path) && jupyterapp.shell.currentWidget === numpynet.panel(path)",
                           arg=name, timeout=90_000)
    page.evaluate("""() => { window.jupyterapp.commands.execute('notebook:run-all-cells').then(
                                 () => { numpynet.ran = 'done'; }, error => { numpynet.ran = String(error); }); }""")
    page.wait_for_function("path => numpynet.ran && numpynet.idle(path) && !numpynet.queued(path)", arg=name,
                           timeout=RUN_TIMEOUT_MS)
    ran = page.evaluate("numpynet.ran")
    assert ran == "done", f"Run All Cells failed: {ran}"
    return page


def page_cells(page, name, nb):
    """The cells of notebook ``name`` in the page, checked to be ``nb``'s cells one for one."""
    panel_id = page.evaluate("path => numpynet.panel(path).id", name)
    cells = page.locator(f'[id="{panel_id}"] .jp-Notebook .jp-Cell')
    assert cells.count() == len(nb.cells)
    return cells


def screenshot(locator, name):
    """A PNG of ``locator`` as SCREENSHOTS/name, checked to be a non-empty PNG."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    locator.screenshot(path=str(path))
    assert path.read_bytes().startswith(PNG_SIGNATURE) and path.stat().st_size > 1000, path
    return path


def image_drawn(locator):
    """Whether ``locator`` shows a rendered image that has loaded."""
    images = locator.locator(".jp-RenderedImage img")
    return images.count() > 0 and images.first.evaluate("img => img.complete && img.naturalWidth > 0")


def mnist_plot_cells(nb):
    """The indexes of the code cells that show a plot after MNIST is loaded (its training runs)."""
    code = [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    loaded = next(index for index, cell in code if "load_mnist(" in cell.source)
    return [index for index, cell in code if index > loaded and "plt.show()" in cell.source]


@needs_mnist
def test_model_answers_pass_their_visible_tests_and_plot_training_in_jupyterlab(browser, lab, student_folder):
    nb = notebook.read(student_folder / MODEL)
    page = run_all_cells(browser, lab, MODEL)
    cells = page_cells(page, MODEL, nb)
    assert page.evaluate("path => numpynet.errors(path)", MODEL) == []
    tests = [index for index, cell in enumerate(nb.cells) if notebook.is_test(cell)]
    for index in tests:
        assert "passed" in cells.nth(index).locator(".jp-OutputArea").inner_text(), notebook.grade_id(nb.cells[index])
    plots = mnist_plot_cells(nb)
    assert plots and all(image_drawn(cells.nth(index)) for index in plots), "a training plot is missing"
    screenshot(cells.nth(plots[-1]).locator(".jp-OutputArea"), "model_answers_training_plot.png")
    page.close()


def test_blank_release_stops_at_its_first_test_with_not_implemented_in_jupyterlab(browser, lab, student_folder):
    nb = notebook.read(student_folder / BLANK)
    page = run_all_cells(browser, lab, BLANK)
    cells = page_cells(page, BLANK, nb)
    first_test = next(index for index, cell in enumerate(nb.cells) if notebook.is_test(cell))
    errors = page.evaluate("path => numpynet.errors(path)", BLANK)
    assert errors and errors[0][:2] == [first_test, "NotImplementedError"], errors
    shown = cells.nth(first_test).locator(".jp-OutputArea")
    assert "NotImplementedError" in shown.inner_text()
    screenshot(shown, "blank_release_first_test.png")
    page.close()
