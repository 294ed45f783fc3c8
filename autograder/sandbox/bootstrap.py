"""The first code that runs inside the sandbox, before the kernel: it applies the resource limits,
copies the submission into the scratch folder and replaces itself with the kernel.

It is passed to ``python -c`` as text (this repository is not visible inside), so it uses the
standard library only. Limits are set here, inside the user namespace bwrap created, because
RLIMIT_NPROC then counts the sandbox's processes only, not every process of the grading user.

    python -c <this file> '<json settings>' <kernel argv...>

settings: {"rlimits": {"RLIMIT_AS": bytes, ...}, "submission": dir or null, "workdir": dir}
"""
import json
import os
import resource
import shutil
import sys


def apply_rlimits(rlimits):
    """Soft and hard limit alike: the kernel cannot raise them again."""
    for name, value in rlimits.items():
        resource.setrlimit(getattr(resource, name), (value, value))


def copy_submission(submission, workdir):
    """The kernel works on a copy in the scratch tmpfs, whose size bounds what it may write."""
    if submission is None:
        os.makedirs(workdir, exist_ok=True)
        return
    try:
        shutil.copytree(submission, workdir, dirs_exist_ok=True)
    except OSError as err:
        sys.exit(f"sandbox: the submission does not fit in the scratch folder: {err}")


def main(argv):
    settings, kernel_argv = json.loads(argv[0]), argv[1:]
    copy_submission(settings["submission"], settings["workdir"])
    os.chdir(settings["workdir"])
    apply_rlimits(settings["rlimits"])
    os.execv(kernel_argv[0], kernel_argv)


if __name__ == "__main__":
    main(sys.argv[1:])
