# answer: relu
# expect: pass
# source: assignment brief (an explicit loop over a flattened copy: slow, but right)
class ReLU(Activation):
    def forward(self, x):
        out = x.copy().ravel()
        for i in range(out.size):
            if out[i] < 0:
                out[i] = 0.0
        return out.reshape(x.shape)

    def derivative(self, x):
        flat = x.ravel()
        d = np.zeros(flat.size, dtype=x.dtype)
        for i in range(flat.size):
            if flat[i] > 0:
                d[i] = 1.0
        return d.reshape(x.shape)
