"""Korean texts of autograder/checks/optimizers.py."""
MESSAGES = {
    # the likely causes of a too-low MNIST accuracy (they continue "가능한 원인: ...")
    "an Adam.step that adds the step instead of subtracting it climbs the loss (one digit for every image, "
    "11% in a run of this recipe); a step that never changes the caller's arrays in place (it rebinds a name "
    "or a dict entry, or returns new arrays) leaves the network at its random start. The Adam tests above "
    "name each of these; then check that both training cells ran to their end":
        "스텝을 빼지 않고 더하는 Adam.step은 손실이 커지는 쪽으로 올라갑니다 (모든 이미지를 숫자 하나로 "
        "예측하며, 이 설정으로 한 번 돌린 실행에서 11%); 호출한 쪽의 배열을 제자리에서(in place) 바꾸지 않는 "
        "스텝(이름이나 dict 항목에 새 배열을 다시 대입하거나, 새 배열을 반환하는 경우)은 신경망을 무작위 초기 "
        "상태 그대로 둡니다. 위의 Adam 테스트가 이 실수들을 하나하나 짚어 줍니다; 그다음 두 학습 셀이 모두 "
        "끝까지 실행되었는지 확인하세요",
    "in runs of this recipe, a first moment that accumulates lr * g instead of (1 - beta1) * g (the learning "
    "rate enters twice) reached 84%, a step without the square root (m_hat / (v_hat + eps)) 69%, a second "
    "moment of |g| instead of g**2 92%. The Adam tests above name each of these; then check the recipe: lr "
    "1e-3 for two epochs, then 1e-4 for one":
        "이 설정으로 돌린 실행에서, (1 - beta1) * g 대신 lr * g를 누적하는 1차 모멘트(학습률이 두 번 "
        "들어감)는 84%, 제곱근이 빠진 스텝(m_hat / (v_hat + eps))은 69%, g**2 대신 |g|로 만든 2차 모멘트는 "
        "92%에 그쳤습니다. 위의 Adam 테스트가 이 실수들을 하나하나 짚어 줍니다; 그다음 학습 설정을 확인하세요: "
        "두 에포크 동안 lr 1e-3, 이어서 한 에포크 동안 1e-4",

    # an optimizer that does not update the caller's arrays in place
    "step() replaced params[{name!r}] with a new array instead of changing the array it was given "
    "(params[name] = params[name] - ... rebinds the dict entry): the model's layers keep their own references "
    "to their arrays, so they never see the update and the model does not learn. Update in place: "
    "params[name] -= step (param -= step in update()), or param[...] = new_value":
        "step()이 params[{name!r}]에 받은 배열을 바꾸지 않고 새 배열로 교체했습니다 (params[name] = "
        "params[name] - ...은 dict 항목에 새 배열을 다시 대입합니다): 모델의 층은 자기 배열에 대한 참조를 따로 "
        "들고 있으므로 이 갱신을 전혀 보지 못하고, 모델은 학습하지 않습니다. 제자리에서(in place) 갱신하세요: "
        "params[name] -= step (update()에서는 param -= step), 또는 param[...] = new_value",
    "step() returned new arrays and left the parameters unchanged: the caller (the training loop, the "
    "model's layers) only sees the arrays it passed in. Update them in place (param -= step, or param[...] = "
    "new_value); step() needs to return nothing":
        "step()이 새 배열을 반환하고 매개변수는 그대로 두었습니다: 호출한 쪽(학습 루프, 모델의 층)은 자기가 "
        "넘긴 배열만 봅니다. 그 배열을 제자리에서 갱신하세요 (param -= step, 또는 param[...] = new_value); "
        "step()은 아무것도 반환하지 않아도 됩니다",
    "step() left every parameter unchanged although the gradients are not zero":
        "기울기가 0이 아닌데도 step()이 모든 매개변수를 그대로 두었습니다",
    "`param = param - step` inside update() (or a loop over params.values()) only rebinds a local name; "
    "update the array in place: param -= step, or param[...] = new_value":
        "update() 안에서(또는 params.values()를 도는 반복문 안에서) `param = param - step`을 하면 지역 "
        "변수 이름에 새 배열을 대입할 뿐입니다; 배열을 제자리에서 갱신하세요: param -= step, 또는 "
        "param[...] = new_value",
    "after two steps of Adam on the weights of a model's Dense layer, the layer's own array is unchanged: "
    "the model does not learn. {fix}":
        "모델의 Dense 층 가중치에 Adam을 두 스텝 적용한 뒤에도 층 자신의 배열이 그대로입니다: 모델이 "
        "학습하지 않습니다. {fix}",

    # which call, which step
    "{what}.step(params, grads) at step {step}": "{step}번째 스텝의 {what}.step(params, grads)",
    "{what}.step(params, grads) at step {step} (params: the weights of a model's Dense layer)":
        "{step}번째 스텝의 {what}.step(params, grads) (params: 모델의 Dense 층의 가중치)",
    "{label} changed the keys of params from {keys_before} to {keys_after}; update the arrays, leave the "
    "dict alone":
        "{label}이(가) params의 키를 {keys_before}에서 {keys_after}(으)로 바꾸었습니다; dict는 그대로 두고 "
        "배열을 갱신하세요",
    "{what}: the change of params[{name!r}] at step {step} of {steps}":
        "{what}: {steps}스텝 중 {step}번째 스텝에서 params[{name!r}]의 변화량",
    "{what} with the parameters {names} in one dict (expected: what each parameter gives when optimized "
    "alone)":
        "매개변수 {names}을(를) 한 dict에 담아 실행한 {what} (기대값: 각 매개변수를 따로 최적화했을 때의 결과)",
    "{error}\n(with the parameters {shapes} in one dict: {hint})":
        "{error}\n(매개변수 {shapes}을(를) 한 dict에 담았을 때: {hint})",

    # SGD's known mistakes (they follow "알려진 실수와 같은 값입니다: ...")
    "SGD gives when it adds the gradient: p -= lr * g goes downhill, p += lr * g uphill":
        "기울기를 빼지 않고 더하는 SGD. p -= lr * g는 내리막으로, p += lr * g는 오르막으로 갑니다",
    "SGD gives without the learning rate: p -= lr * g":
        "학습률을 곱하지 않은 SGD. 갱신은 p -= lr * g입니다",

    # Momentum
    "Momentum gives with the sign wrong (v = mu*v + lr*g; p += v climbs uphill); v = mu*v - lr*g; p += v":
        "부호가 틀린 모멘텀 (v = mu*v + lr*g; p += v는 오르막으로 올라갑니다). 올바른 식은 "
        "v = mu*v - lr*g; p += v입니다",
    "Momentum gives without the learning rate (v = mu*v - g; p += v); v = mu*v - lr*g; p += v":
        "학습률이 빠진 모멘텀 (v = mu*v - g; p += v). 올바른 식은 v = mu*v - lr*g; p += v입니다",
    "Momentum gives when the learning rate is applied twice and the sign flipped (v = mu*v - lr*g; "
    "p -= lr*v); v = mu*v - lr*g; p += v":
        "학습률이 두 번 곱해지고 부호가 뒤집힌 모멘텀 (v = mu*v - lr*g; p -= lr*v). 올바른 식은 "
        "v = mu*v - lr*g; p += v입니다",
    "Momentum gives without the learning rate (v = mu*v + g; p -= v); with that form of v, p -= lr*v":
        "학습률이 빠진 모멘텀 (v = mu*v + g; p -= v). v를 이 형태로 쓴다면 p -= lr*v여야 합니다",
    "Momentum gives when the velocity is not kept between steps (plain SGD, scaled): v = mu*v - lr*g must "
    "start from the previous step's v, stored per parameter name":
        "스텝 사이에 속도(velocity)를 유지하지 않는 모멘텀 (크기만 다른 보통의 SGD). v = mu*v - lr*g는 "
        "매개변수 이름별로 보관한 이전 스텝의 v에서 출발해야 합니다",
    "classical momentum gives: with nesterov=True the update is p += -mu*v_prev + (1 + mu)*v (v_prev: the "
    "velocity before this step). Is the flag ignored, or is v_prev the same array as v (v_prev = v without "
    ".copy(), then v changed in place)?":
        "고전적 모멘텀. nesterov=True이면 갱신은 p += -mu*v_prev + (1 + mu)*v입니다 (v_prev: 이번 스텝 "
        "이전의 속도). 플래그를 무시하고 있지 않나요? 아니면 v_prev가 v와 같은 배열이 아닌가요 (.copy() 없이 "
        "v_prev = v라고 쓴 다음 v를 제자리에서 바꾼 경우)?",
    "Classical momentum: v = mu*v - lr*g; p += v, with v per parameter name and starting at 0":
        "고전적 모멘텀: v = mu*v - lr*g; p += v이며, v는 매개변수 이름별로 두고 0에서 시작합니다",
    "Nesterov momentum: v_prev = v; v = mu*v - lr*g; p += -mu*v_prev + (1 + mu)*v":
        "네스테로프 모멘텀: v_prev = v; v = mu*v - lr*g; p += -mu*v_prev + (1 + mu)*v",

    # RMSProp
    "RMSProp gives without the square root: divide by sqrt(cache) + eps, not cache + eps":
        "제곱근이 빠진 RMSProp. cache + eps가 아니라 sqrt(cache) + eps로 나누세요",
    "RMSProp gives with decay and (1 - decay) swapped: cache = decay*cache + (1 - decay)*g**2 keeps most of "
    "the old cache":
        "decay와 (1 - decay)가 뒤바뀐 RMSProp. cache = decay*cache + (1 - decay)*g**2여야 옛 캐시의 대부분이 "
        "유지됩니다",
    "RMSProp gives without the (1 - decay) factor: cache = decay*cache + (1 - decay)*g**2":
        "(1 - decay) 인수가 빠진 RMSProp. 올바른 식은 cache = decay*cache + (1 - decay)*g**2입니다",
    "RMSProp gives with eps inside the square root, sqrt(cache + eps); the denominator is sqrt(cache) + eps":
        "제곱근 안에 eps를 넣은 RMSProp, sqrt(cache + eps). 분모는 sqrt(cache) + eps입니다",
    "plain SGD gives: the gradient must be divided by sqrt(cache) + eps":
        "보통의 SGD. 기울기를 sqrt(cache) + eps로 나누어야 합니다",
    "RMSProp: cache = decay*cache + (1 - decay)*g**2; p -= lr*g / (sqrt(cache) + eps), cache per parameter "
    "name":
        "RMSProp: cache = decay*cache + (1 - decay)*g**2; p -= lr*g / (sqrt(cache) + eps)이며, cache는 "
        "매개변수 이름별로 둡니다",

    # Adam
    "Adam gives when t starts at 1 and is incremented before use, so the first step uses t = 2; start t at 0 "
    "and increment it before computing m_hat and v_hat, so that the first step uses t = 1 (and moves each "
    "weight by about lr)":
        "t를 1에서 시작해 사용하기 전에 증가시키는 Adam: 첫 스텝이 t = 2를 씁니다. t를 0에서 시작하고 "
        "m_hat과 v_hat을 계산하기 전에 증가시켜 첫 스텝이 t = 1을 쓰게 하세요 (그러면 첫 스텝에서 각 가중치가 "
        "대략 lr만큼 움직입니다)",
    "Adam gives when t is incremented after its use: the first step uses t = 0, 1 - beta1**0 = 0 and the "
    "bias correction divides by zero. Increment t before computing m_hat and v_hat":
        "t를 사용한 뒤에 증가시키는 Adam: 첫 스텝이 t = 0을 쓰고, 1 - beta1**0 = 0이어서 편향 보정(bias "
        "correction)이 0으로 나눕니다. m_hat과 v_hat을 계산하기 전에 t를 증가시키세요",
    "Adam gives without bias correction (m and v used as they are): m and v start at 0, so the early steps "
    "are wrong by a large factor; divide m by (1 - beta1**t) and v by (1 - beta2**t)":
        "편향 보정이 없는 Adam (m과 v를 그대로 사용). m과 v는 0에서 시작하므로 초반 스텝들이 큰 배수만큼 "
        "틀립니다; m은 (1 - beta1**t)로, v는 (1 - beta2**t)로 나누세요",
    "Adam gives when the bias correction never changes: t stays 1 (it must grow by one at every step), or "
    "the power is missing (m / (1 - beta1) instead of m / (1 - beta1**t))":
        "편향 보정이 전혀 변하지 않는 Adam. t가 1에 머물러 있거나(스텝마다 1씩 커져야 합니다), 거듭제곱이 "
        "빠졌습니다(m / (1 - beta1**t) 대신 m / (1 - beta1))",
    "Adam gives when the bias correction multiplies: m_hat must be m / (1 - beta1**t) and v_hat = v / (1 - "
    "beta2**t), not m * (1 - beta1**t)":
        "편향 보정에서 나누지 않고 곱하는 Adam. m * (1 - beta1**t)가 아니라 m_hat = m / (1 - beta1**t), "
        "v_hat = v / (1 - beta2**t)여야 합니다",
    "Adam gives with eps inside the square root, sqrt(v_hat + eps); the denominator is sqrt(v_hat) + eps":
        "제곱근 안에 eps를 넣은 Adam, sqrt(v_hat + eps). 분모는 sqrt(v_hat) + eps입니다",
    "Adam gives when your first moment accumulates lr*grad; it should accumulate (1-beta1)*grad (the "
    "learning rate then enters twice)":
        "1차 모멘트에 lr*grad를 누적하는 Adam. 1차 모멘트에는 (1-beta1)*grad를 누적해야 합니다 (lr*grad를 "
        "누적하면 학습률이 두 번 들어갑니다)",
    "Adam gives when the second moment accumulates grad instead of grad**2 (the square is missing): v = "
    "beta2*v + (1-beta2)*grad**2":
        "2차 모멘트에 grad**2 대신 grad를 누적하는 Adam (제곱이 빠짐). 올바른 식은 "
        "v = beta2*v + (1-beta2)*grad**2입니다",
    "Adam gives without the square root: it divides by v_hat + eps; it should divide by sqrt(v_hat) + eps":
        "제곱근이 빠진 Adam. v_hat + eps로 나누고 있습니다; sqrt(v_hat) + eps로 나누어야 합니다",
    "Adam gives without eps: a zero gradient gives 0/0 = NaN; divide by sqrt(v_hat) + eps":
        "eps가 빠진 Adam. 기울기가 0이면 0/0 = NaN이 됩니다; sqrt(v_hat) + eps로 나누세요",
    "Adam gives when one m, v and t are shared by all parameters; keep them per parameter name (for example "
    "self.state[name]), since each parameter has its own moments":
        "모든 매개변수가 m, v, t를 하나씩만 두고 함께 쓰는 Adam. 매개변수마다 자기 모멘트가 있으므로, 이 "
        "값들을 매개변수 이름별로 보관하세요 (예: self.state[name])",
    "Adam gives when one m and v are shared by all parameters; keep them per parameter name (for example "
    "self.state[name]), since each parameter has its own moments":
        "모든 매개변수가 m과 v를 하나씩만 두고 함께 쓰는 Adam. 매개변수마다 자기 모멘트가 있으므로, 이 값들을 "
        "매개변수 이름별로 보관하세요 (예: self.state[name])",
    "Adam gives when t advances once per parameter update instead of once per step (with two parameters it "
    "grows by two at every step()): count per parameter, or once per call of step()":
        "t가 스텝마다 한 번이 아니라 매개변수를 갱신할 때마다 증가하는 Adam (매개변수가 두 개이면 step()마다 "
        "2씩 커집니다). t는 매개변수별로 세거나, step() 호출마다 한 번씩 세세요",
    "Each parameter must keep its own state (m and v per parameter name) and t must count steps, not "
    "parameter updates: optimizing several parameters together must give exactly what optimizing each one "
    "alone gives":
        "각 매개변수는 자기 상태(매개변수 이름별 m과 v)를 가져야 하고, t는 매개변수 갱신 횟수가 아니라 스텝 "
        "수를 세어야 합니다: 여러 매개변수를 함께 최적화한 결과는 각 매개변수를 따로 최적화한 결과와 정확히 "
        "같아야 합니다",
    "The first step of Adam moves each weight by about lr: with t = 1, m_hat = g and v_hat = g**2, so the "
    "step is lr*g/(|g| + eps)":
        "Adam의 첫 스텝은 각 가중치를 대략 lr만큼 움직입니다: t = 1이면 m_hat = g, v_hat = g**2이므로 스텝은 "
        "lr*g/(|g| + eps)입니다",
    "With a constant gradient the bias-corrected moments are exactly m_hat = g and v_hat = g**2 at every "
    "step, so every step moves each weight by lr*g/(|g| + eps): no drift":
        "기울기가 일정하면 편향 보정된 모멘트는 모든 스텝에서 정확히 m_hat = g, v_hat = g**2이므로, 모든 "
        "스텝이 각 가중치를 lr*g/(|g| + eps)만큼 움직입니다: 스텝이 조금씩 달라져서는(drift) 안 됩니다",
    "Adam: t += 1; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g**2; p -= lr * (m/(1-b1**t)) / "
    "(sqrt(v/(1-b2**t)) + eps)":
        "Adam의 한 스텝: t += 1; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g**2; "
        "p -= lr * (m/(1-b1**t)) / (sqrt(v/(1-b2**t)) + eps)",
    "With a tiny gradient the first step is lr*g/(|g| + eps): eps is added after the square root, and a "
    "zero gradient does not move the weight":
        "기울기가 아주 작으면 첫 스텝은 lr*g/(|g| + eps)입니다: eps는 제곱근을 구한 뒤에 더하며, 기울기가 "
        "0이면 가중치는 움직이지 않습니다",
    "your 784-256-256-10 ReLU MLP trained with your Adam": "여러분의 Adam으로 학습시킨 784-256-256-10 ReLU MLP",
    "reference Adam, this recipe, seeds 0-9: 97.57% to 97.89%, mean 97.75%":
        "참조 구현의 Adam, 이 학습 설정, 시드 0-9: 97.57%에서 97.89%, 평균 97.75%",
}
