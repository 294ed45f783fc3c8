# answer: sigmoid
# base: blank
# attack: allocate 12 GB
import numpy as np
hog = np.ones(12 * 2 ** 30, dtype=np.uint8)
print("allocated", hog.nbytes)
