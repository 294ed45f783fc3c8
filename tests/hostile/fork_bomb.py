# answer: sigmoid
# base: blank
# attack: a fork bomb, for 10 s (every process forks while it can), then the children leave
import os, time
deadline, parent, refused = time.time() + 10, os.getpid(), 0
while time.time() < deadline:
    try:
        os.fork()
    except OSError:
        refused += 1
if os.getpid() != parent:
    os._exit(0)
print("forks refused by the limit:", refused > 0)
