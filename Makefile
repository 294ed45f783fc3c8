# The course kit's commands. Every target creates and uses the project virtual environment
# (.venv) itself; Jupyter, IPython and matplotlib write only under build/, never into $HOME.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BUILD := $(CURDIR)/build
TORCH_SPEC ?= torch==2.13.0
JOBS ?= 2

# MNIST: a local copy if there is one (the verified copy beside the repo in CI), otherwise the
# loader's cache, downloading there with checksum verification on first use.
MNIST_DIR ?= $(firstword $(wildcard $(abspath $(CURDIR)/../shared/data/mnist)) $(CURDIR)/data/mnist)
export MNIST_DIR
export JUPYTER_CONFIG_DIR := $(BUILD)/jupyter/config
export JUPYTER_DATA_DIR := $(BUILD)/jupyter/data
export JUPYTER_RUNTIME_DIR := $(BUILD)/jupyter/runtime
export IPYTHONDIR := $(BUILD)/ipython
export MPLCONFIGDIR := $(BUILD)/matplotlib
export PYTHONHASHSEED := 0
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help venv oracle postgresql browser bundles gradescope test test-nbval-other-kernels test-core test-slow release solutions validate demo autograde bench bench-grading lab formgrader clean

help:
	@echo "make demo       build the course and grade a demo class (the main job)"
	@echo "make test       the test suite (core, oracle, release, solutions under nbval, grading)"
	@echo "make test-slow  long runs: full MNIST training figures, mutant corpus through nbgrader"
	@echo "make release    student notebooks and packages into assignments/"
	@echo "make solutions  executed solution notebooks into solutions/"
	@echo "make bundles    a zip per assignment for students into dist/ (English) and dist/ko/ (Korean); releases first, refuses any leak"
	@echo "make gradescope the Gradescope autograder zip of each assignment into dist/gradescope/"
	@echo "make autograde  grade submissions: make autograde ARGS='--submissions DIR'"
	@echo "make bench      numpynet vs PyTorch CPU benchmark"
	@echo "make bench-grading  submissions per minute on 1 and 2 Dask workers"
	@echo "make lab        JupyterLab on the course, with the course kernel"
	@echo "make formgrader nbgrader's formgrader on a graded class (CLASS=build/demo): grade written answers"

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m autograder kernel
	touch $@

# The test-only oracle: PyTorch, CPU build (pip takes the local CPU wheel here).
oracle: $(VENV)/.oracle

$(VENV)/.oracle: $(VENV)/.installed
	$(PY) -m pip install --quiet "$(TORCH_SPEC)"
	touch $@

# The PostgreSQL gradebook's driver (the kit's [postgresql] extra): its tests start a real server.
postgresql: $(VENV)/.postgresql

$(VENV)/.postgresql: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[postgresql]"
	touch $@

# The browser test's driver (the kit's [browser] extra): Playwright's Python API, never
# `playwright install`; the browser is Debian's chromium, which .ci/run installs.
browser: $(VENV)/.browser

$(VENV)/.browser: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[browser]"
	touch $@

# Solutions run under nbval: their outputs are regression-checked, timings and progress bars sanitized.
NBVAL := --nbval --nbval-sanitize-with autograder/nbval_sanitize.cfg --nbval-kernel-name python3 --nbval-cell-timeout 900
SOLUTION_NBS := $(wildcard solutions/*/*.ipynb)

# One BLAS thread where outputs are compared or kernels run side by side: the last digits of a
# float32 training run depend on the thread count, and threads fighting over two cores are slow.
test solutions validate: export OPENBLAS_NUM_THREADS := 1

# The solutions once more under other CPU kernels than the machine's own: NumPy's SIMD dispatch
# cut down to its baseline, another OpenBLAS kernel (x86_64) and two BLAS threads. What passes
# both runs is the same on any machine; figures that are not belong in nbval-ignore-output cells.
# Every SIMD target this NumPy dispatches to (disabling one the CPU lacks is a no-op), asked of
# the venv when a recipe runs (`=`, not `:=`): on a fresh clone the venv does not exist yet at parse time.
NPY_SIMD_OFF = $(shell $(PY) -c "from numpy._core._multiarray_umath import __cpu_dispatch__ as d; print(' '.join(d))")
OTHER_KERNELS = NPY_DISABLE_CPU_FEATURES="$(NPY_SIMD_OFF)" OPENBLAS_NUM_THREADS=2 \
	$(if $(filter x86_64,$(shell uname -m)),OPENBLAS_CORETYPE=Haswell)

# Two pytest workers, one test file each at a time (--dist loadfile: a module's class-grading
# fixture and a notebook's cells stay on one worker). Grading waits on kernels more than it
# computes: one worker left the two cores idle more than half of the time.
PARALLEL := -n 2 --dist loadfile

test: venv oracle postgresql browser
	$(PY) -m autograder release --check
	$(PY) -m pytest -q $(PARALLEL) --durations=25 tests $(if $(SOLUTION_NBS),$(SOLUTION_NBS) $(NBVAL))
	$(if $(SOLUTION_NBS),env $(OTHER_KERNELS) $(PY) -m pytest -q -p no:cacheprovider $(SOLUTION_NBS) $(NBVAL))

test-nbval-other-kernels: venv
	env $(OTHER_KERNELS) $(PY) -m pytest -q -p no:cacheprovider $(SOLUTION_NBS) $(NBVAL)

test-core: venv oracle postgresql browser
	$(PY) -m pytest -q $(PARALLEL) tests

test-slow: venv oracle
	$(PY) -m pytest -q -m slow tests

release: venv
	$(PY) -m autograder release

solutions: venv
	$(PY) -m autograder solutions

bundles: release
	$(PY) -m autograder bundles

# Gradescope autograder zips into dist/gradescope/ (ARGS: assignments, --allow-unsandboxed)
gradescope: venv
	$(PY) -m autograder gradescope $(ARGS)

validate: venv
	$(PY) -m autograder validate

demo: venv
	$(PY) -m autograder release
	$(PY) -m autograder demo --jobs $(JOBS)

autograde: venv
	$(PY) -m autograder grade $(ARGS)

bench: venv oracle
	$(PY) benchmarks/bench.py $(ARGS)

# Grading throughput on 1 and 2 local Dask workers (one BLAS thread each), and the scaling efficiency.
bench-grading: venv
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/grading_rate.py $(ARGS)

lab: venv
	$(VENV)/bin/jupyter lab --notebook-dir=$(CURDIR)

# nbgrader's formgrader on a graded class, to grade the written answers by hand (JupyterLab's menu
# Nbgrader > Formgrader); then `make autograde ARGS="--class-dir $(CLASS)"` updates reports,
# grades.csv and feedback without running any student code again.
CLASS ?= build/demo
formgrader: venv
	cd $(CLASS) && $(abspath $(VENV))/bin/jupyter lab --no-browser $(if $(filter 0,$(shell id -u)),--allow-root)

clean:
	rm -rf build release submitted autograded feedback demo dist
