"""A real PostgreSQL server for the tests: ``initdb`` into a private folder, ``pg_ctl`` start with
only a Unix socket in that folder (no TCP port), a database, and ``pg_ctl stop`` afterwards.

Debian's ``postgresql`` package (``.ci/run`` installs it) puts its programs in
``/usr/lib/postgresql/<version>/bin``. PostgreSQL refuses to run as root, so under root the server
runs as the package's ``postgres`` user."""
import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def programs():
    """The folder of initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return versions[-1].parent if versions else None


def server_user():
    """Who runs the server: ourselves, or under root the ``postgres`` account."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError("PostgreSQL cannot run as root and there is no postgres user: "
                           "apt-get install postgresql") from None


@contextlib.contextmanager
def running(database="gradebook"):
    """Yields the SQLAlchemy URL of ``database`` on a fresh server, stopped and deleted afterwards."""
    bin_dir = programs()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server programs (initdb, pg_ctl): apt-get install postgresql")
    user = server_user()
    folder = Path(tempfile.mkdtemp(prefix="autograder-pg-"))   # under /tmp: postgres can reach it
    data, socket_dir = folder / "data", folder
    if user:
        os.chown(folder, user.pw_uid, user.pw_gid)

    def run(*command):
        return subprocess.run([str(bin_dir / command[0]), *command[1:]], check=True, capture_output=True,
                              text=True, user=user.pw_uid if user else None, group=user.pw_gid if user else None,
                              cwd=folder)

    role = "grader"
    try:
        run("initdb", "-D", str(data), "-U", role, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60", "-o",
            f"-k {socket_dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off", "start")
        try:
            run("createdb", "-h", str(socket_dir), "-U", role, database)
            yield f"postgresql+psycopg2://{role}@/{database}?host={socket_dir}"
        finally:
            run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
    except subprocess.CalledProcessError as err:
        log = folder / "server.log"
        raise RuntimeError(f"{' '.join(err.cmd)} failed: {err.stderr}\n"
                           f"{log.read_text()[-2000:] if log.exists() else ''}") from err
    finally:
        shutil.rmtree(folder, ignore_errors=True)
