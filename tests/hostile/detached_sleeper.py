# answer: sigmoid
# base: blank
# attack: a double-forked, setsid, sleeping process that should outlive grading
import os, time
pid = os.fork()
if pid == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/bin/sleep", ["sleep", "7771"])
    os._exit(0)
os.waitpid(pid, 0)
time.sleep(0.5)
print("left a sleeper behind")
