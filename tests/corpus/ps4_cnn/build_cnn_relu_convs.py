# answer: build_cnn
# expect: fail test_build_cnn
# message: ReLU in the convolutions
# source: invented (ReLU instead of LeakyReLU after the convolutions)
def build_cnn(pooling=True, seed=0):
    rng = np.random.default_rng(seed)
    layers = [Conv2D(1, 16, 3, activation=ReLU(), rng=rng),
              Conv2D(16, 32, 4, stride=2, activation=ReLU(), rng=rng)]
    if pooling:
        layers.append(MaxPool2D(2))
    layers += [Flatten(), Dense(1152 if pooling else 4608, 256, activation=ReLU(), rng=rng),
               Dense(256, 10, rng=rng)]
    return Sequential(layers)
