# answer: leaky_relu
# expect: fail test_leaky_relu_forward
# expect: fail test_leaky_relu_derivative
# message: NotImplementedError
# source: invented (the released stub, left unanswered: only Leaky ReLU's own tests fail)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()

    def derivative(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()
