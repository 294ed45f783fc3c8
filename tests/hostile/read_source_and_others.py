# answer: sigmoid
# base: blank
# attack: read the source notebooks (model answers, hidden tests) and another student's answers
import glob
for pattern in ("__REPO__/source/*/*.ipynb", "__CLASS_DIR__/submitted/*/*/*.ipynb", "__CLASS_DIR__/release/*/*.ipynb",
                "../../*/*/*.ipynb", "/run/*/*.ipynb"):
    for path in glob.glob(pattern):
        try:
            print(path, open(path).read()[:100000])
        except OSError as err:
            print(path, type(err).__name__, err)
    print(pattern, "matched", glob.glob(pattern))
