# answer: sigmoid
# base: blank
# attack: print 200 MB, in 1 MB lines
import sys
line = "x" * (1 << 20) + "\n"
for _ in range(200):
    sys.stdout.write(line)
