"""Korean texts of autograder/checks/batchnorm.py."""
MESSAGES = {
    # the known mistakes (they follow "알려진 실수와 같은 값입니다: ...")
    "you get with eps OUTSIDE the square root, (x - mean) / (sqrt(var) + eps): eps goes inside, "
    "(x - mean) / sqrt(var + eps)":
        "eps를 제곱근 밖에 둔 경우, (x - mean) / (sqrt(var) + eps). eps는 제곱근 안에 들어가야 합니다: "
        "(x - mean) / sqrt(var + eps)",
    "you get when the batch is normalized with the UNBIASED variance (ddof=1, dividing by N - 1): forward "
    "normalizes with the batch's own variance, x.var(axis=0), dividing by N":
        "배치를 불편(unbiased) 분산(ddof=1, N - 1로 나눈 것)으로 정규화한 경우. 순전파(forward pass)는 배치 "
        "자신의 분산, 즉 N으로 나눈 x.var(axis=0)으로 정규화합니다",
    "you get without gamma and beta: after normalizing, scale by self.params['gamma'] and shift by "
    "self.params['beta']":
        "gamma와 beta를 적용하지 않은 경우. 정규화한 뒤 self.params['gamma']로 스케일을 곱하고 "
        "self.params['beta']만큼 이동하세요",
    "you get with gamma and beta swapped: out = gamma * x_hat + beta":
        "gamma와 beta를 서로 뒤바꾼 경우. 올바른 식은 out = gamma * x_hat + beta입니다",
    "you get when each EXAMPLE (row) is normalized over its features (axis=1), as layer normalization does: "
    "batch normalization normalizes each feature (column) over the batch, axis=0":
        "층 정규화(layer normalization)처럼 각 예제(행)를 그 특징들에 대해(axis=1) 정규화한 경우. 배치 "
        "정규화(batch normalization)는 각 특징(열)을 배치에 대해, 즉 axis=0으로 정규화합니다",
    "you get when momentum is the weight of the OLD running value, running = momentum * running + (1 - "
    "momentum) * batch (CS231n's convention, with momentum 0.9): here momentum is the weight of the new batch, "
    "running = (1 - momentum) * running + momentum * batch":
        "momentum을 이전 이동 평균 값의 가중치로 쓴 경우, running = momentum * running + (1 - momentum) * "
        "batch (CS231n의 관례로, momentum은 0.9). 이 과제에서 momentum은 새 배치의 가중치입니다: "
        "running = (1 - momentum) * running + momentum * batch",
    "you get when the running statistics are never updated (they stay at mean 0, variance 1): every training "
    "forward moves them towards the batch's statistics":
        "이동 통계량(running statistics)을 한 번도 갱신하지 않은 경우 (평균 0, 분산 1에 그대로 머무름). 학습 "
        "모드의 순전파는 매번 이동 통계량을 배치의 통계량 쪽으로 옮겨야 합니다",
    "you get when evaluation mode normalizes with the batch's own statistics: with training=False use "
    "self.running_mean and self.running_var, so that a prediction does not depend on the other images of the "
    "batch":
        "평가 모드에서 배치 자신의 통계량으로 정규화한 경우. training=False이면 self.running_mean과 "
        "self.running_var를 써서, 예측이 같은 배치에 든 다른 이미지들에 좌우되지 않게 하세요",
    "you get when backward treats the batch mean and variance as constants, dx = dout * gamma / sqrt(var + "
    "eps): in training they depend on every x of the batch, and dx = (gamma / sqrt(var + eps)) * (dx_hat - "
    "mean(dx_hat) - x_hat * mean(dx_hat * x_hat)), with dx_hat = dout * gamma and means over the batch":
        "backward가 배치의 평균과 분산을 상수로 취급한 경우, dx = dout * gamma / sqrt(var + eps). 학습 모드에서 "
        "평균과 분산은 배치의 모든 x에 의존하므로, dx = (gamma / sqrt(var + eps)) * (dx_hat - mean(dx_hat) - "
        "x_hat * mean(dx_hat * x_hat))입니다 (dx_hat = dout * gamma, 평균은 배치에 대해 구함)",
    "you get when dgamma and dbeta are MEANS over the batch: the parameter is shared by every example, so its "
    "gradient is the SUM of the examples' contributions":
        "dgamma와 dbeta를 배치에 대한 평균으로 구한 경우. 매개변수(parameter)는 모든 예제가 함께 쓰므로, 그 "
        "기울기(gradient)는 예제별 기여의 합입니다",
    "you get with dgamma and dbeta swapped: dgamma = sum(dout * x_hat), dbeta = sum(dout)":
        "dgamma와 dbeta를 서로 뒤바꾼 경우. 올바른 식은 dgamma = sum(dout * x_hat), dbeta = sum(dout)입니다",

    # hints (they follow a wrong value that matches no known mistake)
    "out = gamma * (x - mean) / sqrt(var + eps) + beta, with the mean and the (biased) variance of each column":
        "out = gamma * (x - mean) / sqrt(var + eps) + beta입니다. 여기서 mean과 var는 각 열의 평균과 "
        "(편향된) 분산입니다",
    "running_mean = (1 - momentum) * running_mean + momentum * (the batch's mean)":
        "running_mean = (1 - momentum) * running_mean + momentum * (배치의 평균)입니다",
    "running_var = (1 - momentum) * running_var + momentum * (the batch's variance; the unbiased one, "
    "var * N / (N - 1), as PyTorch keeps it, or the biased one)":
        "running_var = (1 - momentum) * running_var + momentum * (배치의 분산)입니다. 배치의 분산으로는 PyTorch가 "
        "유지하는 불편 분산 var * N / (N - 1)과 편향된 분산 모두 인정됩니다",
    "in evaluation mode, out = gamma * (x - running_mean) / sqrt(running_var + eps) + beta":
        "평가 모드에서는 out = gamma * (x - running_mean) / sqrt(running_var + eps) + beta입니다",
    "in evaluation mode each example is normalized by the running statistics alone":
        "평가 모드에서는 각 예제를 이동 통계량만으로 정규화합니다 (배치의 다른 예제와는 상관이 없습니다)",
    "check dx with the numeric gradient (the visible test does): the mean and the variance both depend on x":
        "dx를 수치 기울기(numeric gradient)로 확인해 보세요 (공개 테스트가 그렇게 합니다): 평균과 분산이 모두 "
        "x에 의존합니다",
    "dgamma = sum over the batch of dout * x_hat (the normalized input)":
        "dgamma = 배치에 대한 dout * x_hat(정규화된 입력)의 합입니다",
    "dbeta = sum over the batch of dout": "dbeta = 배치에 대한 dout의 합입니다",

    # what was called
    "{layer}.forward(x of shape {shape}, training=True)": "{layer}.forward(모양이 {shape}인 x, training=True)",
    "{layer} after {steps} training forward pass": "학습 모드 순전파를 {steps}번 거친 {layer}",
    "{layer} after {steps} training forward passes": "학습 모드 순전파를 {steps}번 거친 {layer}",
    "{what}: forward(x of shape {shape}, training=False)": "{what}: forward(모양이 {shape}인 x, training=False)",
    "{what}: forward(one example, training=False)": "{what}: forward(예제 하나, training=False)",
    "{layer}.backward(dout of shape {shape}) after a training forward":
        "학습 모드 순전파 뒤의 {layer}.backward(모양이 {shape}인 dout)",

    # what went wrong
    "{what} changed its input x in place (e.g. x -= mean): the layer before needs its output unchanged; "
    "compute a new array":
        "{what}이(가) 입력 x를 제자리에서(in place) 바꾸었습니다 (예: x -= mean): 앞 층은 자기 출력이 바뀌지 "
        "않아야 합니다; 새 배열을 계산하세요",
    "{what}: expected an output of the shape of x, {x_shape}; got {out_shape}":
        "{what}: 출력은 x와 같은 모양 {x_shape}이어야 하는데 {out_shape}입니다",
    "{what}: forward(x, training=False) changed {name}: evaluation mode must not update the running "
    "statistics (only training forwards do)":
        "{what}: forward(x, training=False)가 {name}을(를) 바꾸었습니다: 평가 모드에서는 이동 통계량을 갱신하면 "
        "안 됩니다 (학습 모드의 순전파만 갱신합니다)",
    "{what}: backward stores the parameters' gradients in self.grads['gamma'] and self.grads['beta'] (as the "
    "constructor made them); got self.grads = {grads!r}":
        "{what}: backward는 매개변수의 기울기를 (생성자가 만든 그대로) self.grads['gamma']와 "
        "self.grads['beta']에 저장해야 합니다; 그런데 self.grads = {grads!r}입니다",
}
