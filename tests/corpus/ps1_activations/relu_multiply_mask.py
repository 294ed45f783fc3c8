# answer: relu
# expect: pass
# source: assignment brief (arithmetic with the boolean mask; -0.0 * False stays -0.0)
class ReLU(Activation):
    def forward(self, x):
        return x * (x > 0)

    def derivative(self, x):
        return 1.0 * (x > 0)
