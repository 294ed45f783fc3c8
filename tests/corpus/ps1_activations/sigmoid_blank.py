# answer: sigmoid
# expect: fail test_sigmoid_forward
# expect: fail test_sigmoid_derivative
# message: NotImplementedError
# source: invented (the released stub, left unanswered: only the sigmoid's own tests fail)
class Sigmoid(Activation):
    def forward(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()

    def derivative(self, x):
        # YOUR CODE HERE
        raise NotImplementedError()
