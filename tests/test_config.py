"""The class folder's nbgrader_config.py: what is kept across runs, and a hand-broken one."""
from autograder import cli, config


def test_a_broken_config_is_named_with_what_to_do(tmp_path, capsys):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.db_url = (\n")
    assert cli.main(["init", "--class-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "nbgrader_config.py") in err and "SyntaxError" in err
    assert "fix it, or delete it and run `python -m autograder init" in err
    assert (tmp_path / "nbgrader_config.py").read_text().endswith("(\n")  # left as it was


def test_a_server_database_and_the_exchange_are_kept(tmp_path):
    url = "postgresql+psycopg2://grader@/course?host=/tmp/sockets"
    config.write(tmp_path, db_url=url, exchange=tmp_path / "exchange")
    config.write(tmp_path, cell_timeout=5)
    loaded = config.load(tmp_path)
    assert loaded.CourseDirectory.db_url == url
    assert loaded.Exchange.root == str((tmp_path / "exchange").resolve())


def test_a_sqlite_gradebook_follows_the_folder(tmp_path):
    config.write(tmp_path / "a")
    (tmp_path / "a").rename(tmp_path / "b")
    config.write(tmp_path / "b")
    assert config.gradebook_url(tmp_path / "b") == config.sqlite_url((tmp_path / "b").resolve())
