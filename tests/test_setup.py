"""The set-up a new user relies on: the dependency lists agree, CI runs the README's test command,
nothing writes into $HOME."""
import re
import tomllib

import yaml

from conftest import ROOT


def _name_and_spec(requirement):
    match = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*(.*)$", requirement)
    return match.group(1).lower(), match.group(2).replace(" ", "")


def test_environment_yml_and_pyproject_list_the_same_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    from_pyproject = dict(_name_and_spec(r) for r in project["dependencies"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_name_and_spec(d) for d in env["dependencies"] if isinstance(d, str))
    conda.pop("pip", None)
    python = conda.pop("python")
    assert from_pyproject == conda
    assert python == project["requires-python"]


def test_oracle_is_the_pinned_cpu_torch_and_only_a_test_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert not any(r.startswith("torch") for r in project["dependencies"])
    assert project["optional-dependencies"]["oracle"] == ["torch==2.13.0"]
    assert "torch==2.13.0" in (ROOT / "Makefile").read_text()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make demo" in readme
    assert re.search(r"^make test$", ci, re.M)


def test_jupyter_ipython_and_matplotlib_write_under_build():
    makefile = (ROOT / "Makefile").read_text()
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        assert re.search(rf"^export {var} := \$\(BUILD\)/", makefile, re.M), var
    import os
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        assert not os.environ[var].startswith(os.path.expanduser("~") + os.sep + "."), var


def test_course_kernel_is_this_environments_python():
    import sys
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    argv0 = spec.argv[0]
    assert argv0 in ("python", "python3", sys.executable) or argv0.startswith(sys.prefix), spec.argv
    assert spec.resource_dir.startswith(sys.prefix), f"kernel python3 found outside the venv: {spec.resource_dir}"
