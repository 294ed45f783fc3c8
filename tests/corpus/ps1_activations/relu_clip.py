# answer: relu
# expect: pass
# source: assignment brief (np.clip; the derivative from the sign)
class ReLU(Activation):
    def forward(self, x):
        return np.clip(x, 0, None)

    def derivative(self, x):
        return np.clip(np.sign(x), 0, 1)
