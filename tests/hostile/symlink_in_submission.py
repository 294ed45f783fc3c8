# answer: sigmoid
# base: blank
# link: leak -> __SECRET__
# attack: a symlink in the uploaded submission folder to a file of the grader's, read from the kernel
import os
print("leak is a link:", os.path.islink("leak"), "exists:", os.path.exists("leak"))
try:
    print(open("leak").read())
except OSError as err:
    print("leak", type(err).__name__, err)
