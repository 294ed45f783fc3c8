"""Reads the corpus of wrong and alternative answers (see corpus/README.md)."""
import dataclasses
import re
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
HEADER = re.compile(r"^#\s*(answer|expect|message|source|note):\s*(.*)$")


@dataclasses.dataclass
class Entry:
    assignment: str
    name: str
    answers: dict          # {answer grade_id: source}
    fails: list            # test grade_ids that must fail; [] means every test must pass
    message: str           # regex for the failing messages
    source: str
    path: Path

    @property
    def id(self):
        return f"{self.assignment}/{self.name}"


def load_entry(path):
    meta = {"expect": [], "answer": [], "message": "", "source": ""}
    body = []
    for line in path.read_text().splitlines():
        match = HEADER.match(line) if not body else None
        if match:
            key, value = match.groups()
            if key in ("expect", "answer"):
                meta[key].append(value.strip())
            else:
                meta[key] = value.strip()
        else:
            body.append(line)
    if len(meta["answer"]) != 1:
        raise ValueError(f"{path}: one `# answer:` line expected")
    fails = []
    for e in meta["expect"]:
        if e == "pass":
            continue
        if not e.startswith("fail "):
            raise ValueError(f"{path}: `expect:` must be `pass` or `fail <test grade_id>`, got {e!r}")
        fails.append(e.split(None, 1)[1])
    return Entry(path.parent.name, path.stem, {meta["answer"][0]: "\n".join(body).strip("\n") + "\n"},
                 fails, meta["message"], meta["source"], path)


def entries(assignment=None):
    folders = [CORPUS / assignment] if assignment else sorted(p for p in CORPUS.iterdir() if p.is_dir())
    return [load_entry(p) for folder in folders for p in sorted(folder.glob("*.py"))]
