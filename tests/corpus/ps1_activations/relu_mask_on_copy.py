# answer: relu
# expect: pass
# source: course-notes (the in-place student code, fixed with a copy)
class ReLU(Activation):
    def forward(self, x):
        out = x.copy()
        out[out < 0] = 0
        return out

    def derivative(self, x):
        d = np.zeros_like(x)
        d[x > 0] = 1
        return d
