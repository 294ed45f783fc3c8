# answer: elu
# expect: fail test_elu_forward
# expect: fail test_elu_derivative
# message: NotImplementedError
# source: invented (the released stub, left unanswered: only ELU's own tests fail)
class ELU(Activation):
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()

    def derivative(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()
