# answer: tanh
# expect: fail test_tanh_forward
# expect: fail test_tanh_derivative
# message: NotImplementedError
# source: invented (the released stub, left unanswered: only tanh's own tests fail)
class Tanh(Activation):
    def forward(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()

    def derivative(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()
