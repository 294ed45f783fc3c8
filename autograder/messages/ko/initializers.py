"""Korean texts of autograder/checks/initializers.py."""
MESSAGES = {
    # fans
    "{what} returned {value!r}; expected a tuple (fan_in, fan_out)":
        "{what}이(가) {value!r}을(를) 반환했습니다; 튜플 (fan_in, fan_out)이어야 합니다",
    "{what} returned {count} values {value!r}; expected two: (fan_in, fan_out)":
        "{what}이(가) 값 {count}개 {value!r}을(를) 반환했습니다; 두 개 (fan_in, fan_out)이어야 합니다",
    "{what} returned {value!r}; fan_in and fan_out are whole numbers of connections":
        "{what}이(가) {value!r}을(를) 반환했습니다; fan_in과 fan_out은 연결의 개수이므로 정수여야 합니다",
    "{call} (a list)": "{call} (리스트로 전달)",
    "{call} (the shape as a list): expected {expected}, got {got}":
        "{call} (모양을 리스트로 전달): 기대값 {expected}, 실제값 {got}",

    # the fans mistakes (they follow "알려진 실수와 같은 값입니다: ...")
    "you get by swapping the two: a dense weight W (fan_in, fan_out) maps x @ W, so "
    "fan_in = shape[0] and fan_out = shape[1]":
        "두 값을 서로 뒤바꾼 경우. 완전 연결(dense) 층의 가중치 W (fan_in, fan_out)는 x @ W로 계산되므로 "
        "fan_in = shape[0], fan_out = shape[1]입니다",
    "you get by counting only the channels: fan_in = c_in and fan_out = c_out forget "
    "the kh*kw positions of the receptive field; fan_in = kh*kw*c_in":
        "채널만 센 경우. fan_in = c_in, fan_out = c_out은 수용 영역(receptive field)의 kh*kw개 위치를 "
        "빠뜨립니다; fan_in = kh*kw*c_in입니다",
    "you get by counting only the receptive field kh*kw: multiply by the channels, "
    "fan_in = kh*kw*c_in and fan_out = kh*kw*c_out":
        "수용 영역(receptive field) kh*kw만 센 경우. 채널 수를 곱하세요: fan_in = kh*kw*c_in, "
        "fan_out = kh*kw*c_out",
    "you get by treating the conv kernel (kh, kw, c_in, c_out) as a dense (fan_in, fan_out) "
    "matrix: shape[0] and shape[1] are the kernel's height and width":
        "합성곱 커널 (kh, kw, c_in, c_out)을 완전 연결(dense) 층의 (fan_in, fan_out) 행렬처럼 취급한 경우. "
        "shape[0]과 shape[1]은 커널의 높이와 너비입니다",
    "you get by swapping fan_in and fan_out: fan_in = kh*kw*c_in uses the input channels shape[2]":
        "fan_in과 fan_out을 서로 뒤바꾼 경우. fan_in = kh*kw*c_in에는 입력 채널 수 shape[2]가 들어갑니다",
    "you get by reading the kernel in PyTorch's layout (c_out, c_in, kh, kw), fan_in = "
    "shape[1]*shape[2]*shape[3]; numpynet's kernels are (kh, kw, c_in, c_out), so fan_in = "
    "shape[0]*shape[1]*shape[2]":
        "커널을 PyTorch의 축 순서 (c_out, c_in, kh, kw)로 읽어 fan_in = shape[1]*shape[2]*shape[3]으로 "
        "계산한 경우. numpynet의 커널은 (kh, kw, c_in, c_out)이므로 fan_in = shape[0]*shape[1]*shape[2]입니다",
    "you get by counting every weight of the kernel (np.prod(shape)); fan_in counts the inputs of ONE "
    "output unit: kh*kw*c_in":
        "커널의 가중치를 모두 센 경우 (np.prod(shape)). fan_in은 출력 유닛 '하나'로 들어오는 입력의 "
        "수입니다: kh*kw*c_in",

    # a wrong fan_in inside an initializer's formula: they complete
    # "... fan_in 자리에 잘못된 값을 넣은 경우: {fan_mistake}"
    "fan_out instead of fan_in": "fan_in 대신 fan_out",
    "fan_out = kh*kw*c_out instead of fan_in = kh*kw*c_in": "fan_in = kh*kw*c_in 대신 fan_out = kh*kw*c_out",
    "fan_in = c_in only (the kh*kw positions of the receptive field are missing)":
        "fan_in = c_in만 (수용 영역(receptive field)의 kh*kw개 위치가 빠졌습니다)",
    "fan_in = kh*kw only (the input channels c_in are missing)":
        "fan_in = kh*kw만 (입력 채널 수 c_in이 빠졌습니다)",
    "fan_in = shape[0], as if the conv kernel (kh, kw, c_in, c_out) were a dense "
    "(fan_in, fan_out) matrix":
        "fan_in = shape[0], 즉 합성곱 커널 (kh, kw, c_in, c_out)을 완전 연결(dense) 층의 (fan_in, fan_out) "
        "행렬처럼 취급한 것",
    "fan_in = shape[1]*shape[2]*shape[3], PyTorch's layout (c_out, c_in, "
    "kh, kw); numpynet's kernels are (kh, kw, c_in, c_out)":
        "fan_in = shape[1]*shape[2]*shape[3], 즉 PyTorch의 축 순서 (c_out, c_in, kh, kw); numpynet의 커널은 "
        "(kh, kw, c_in, c_out)입니다",
    "fan_in = np.prod(shape), every weight of the kernel": "fan_in = np.prod(shape), 즉 커널의 가중치 전체 개수",
    "fan_in = 28*28, the image size: fan_in counts the inputs of one unit "
    "(kh*kw*c_in for a conv kernel)":
        "fan_in = 28*28, 즉 이미지 크기. fan_in은 유닛 하나로 들어오는 입력의 수입니다 (합성곱 커널이면 "
        "kh*kw*c_in)",
    "fan_in = 16*26*26, the whole input volume: fan_in counts the inputs of one "
    "unit (kh*kw*c_in for a conv kernel)":
        "fan_in = 16*26*26, 즉 입력 볼륨 전체. fan_in은 유닛 하나로 들어오는 입력의 수입니다 (합성곱 커널이면 "
        "kh*kw*c_in)",
    "you get with fan_in + fan_out counted from the channels c_in + c_out only "
    "(the receptive field kh*kw is missing)":
        "fan_in + fan_out을 채널만으로 c_in + c_out이라고 센 경우 (수용 영역 kh*kw가 빠졌습니다)",
    "you get with fan_in + fan_out = shape[0] + shape[1], as if the conv kernel were a "
    "dense matrix":
        "합성곱 커널을 완전 연결(dense) 층의 행렬처럼 취급하여 fan_in + fan_out = shape[0] + shape[1]로 "
        "계산한 경우",

    # the initializers' mistakes (they follow "알려진 실수와 같은 값입니다: ...")
    "you get with values in [-limit/2, limit/2) (rng.random() - 0.5 spans a width of 1: "
    "scale it by 2*limit)":
        "값이 [-limit/2, limit/2) 범위에 있는 경우 (rng.random() - 0.5의 폭은 1입니다: 2*limit를 곱하세요)",
    # He normal
    "you get with the variance 2/fan_in used as the std: take the square root, "
    "std = sqrt(2/fan_in)":
        "분산 2/fan_in을 표준편차(std)로 쓴 경우. 제곱근을 씌우세요: std = sqrt(2/fan_in)",
    "you get with LeCun's std sqrt(1/fan_in): He's variance is 2/fan_in, "
    "since ReLU zeroes half of the inputs":
        "LeCun의 표준편차 sqrt(1/fan_in)를 쓴 경우. ReLU가 입력의 절반을 0으로 만들기 때문에 He의 분산은 "
        "2/fan_in입니다",
    "you get with Xavier's std sqrt(2/(fan_in+fan_out)); He's is sqrt(2/fan_in)":
        "Xavier의 표준편차 sqrt(2/(fan_in+fan_out))를 쓴 경우. He의 표준편차는 sqrt(2/fan_in)입니다",
    "you get with the uniform limit sqrt(6/fan_in) used as the std of a normal":
        "균등 분포의 한계(limit) sqrt(6/fan_in)를 정규 분포의 표준편차로 쓴 경우",
    "you get with 2/sqrt(fan_in); the std is sqrt(2)/sqrt(fan_in) = sqrt(2/fan_in)":
        "2/sqrt(fan_in)를 쓴 경우. 표준편차는 sqrt(2)/sqrt(fan_in) = sqrt(2/fan_in)입니다",
    "you get with std sqrt(2/fan_in) with {fan_mistake}":
        "표준편차 sqrt(2/fan_in)의 fan_in 자리에 잘못된 값을 넣은 경우: {fan_mistake}",
    # LeCun normal
    "you get with the variance 1/fan_in used as the std: take the square root, "
    "std = sqrt(1/fan_in)":
        "분산 1/fan_in을 표준편차(std)로 쓴 경우. 제곱근을 씌우세요: std = sqrt(1/fan_in)",
    "you get with He's std sqrt(2/fan_in); LeCun's is sqrt(1/fan_in)":
        "He의 표준편차 sqrt(2/fan_in)를 쓴 경우. LeCun의 표준편차는 sqrt(1/fan_in)입니다",
    "you get with Xavier's std sqrt(2/(fan_in+fan_out)); LeCun's is sqrt(1/fan_in)":
        "Xavier의 표준편차 sqrt(2/(fan_in+fan_out))를 쓴 경우. LeCun의 표준편차는 sqrt(1/fan_in)입니다",
    "you get with std sqrt(1/fan_in) with {fan_mistake}":
        "표준편차 sqrt(1/fan_in)의 fan_in 자리에 잘못된 값을 넣은 경우: {fan_mistake}",
    # Xavier normal
    "you get with the variance 2/(fan_in+fan_out) used as the std: take the square root":
        "분산 2/(fan_in+fan_out)을 표준편차(std)로 쓴 경우. 제곱근을 씌우세요",
    "you get with sqrt(1/(fan_in+fan_out)): the factor 2 is missing, std = sqrt(2/(fan_in+fan_out))":
        "sqrt(1/(fan_in+fan_out))를 쓴 경우. 인수 2가 빠졌습니다: std = sqrt(2/(fan_in+fan_out))",
    "you get with sqrt(2/fan_in), He's std: Xavier averages the two fans, std = sqrt(2/(fan_in+fan_out))":
        "He의 표준편차 sqrt(2/fan_in)를 쓴 경우. Xavier는 두 fan의 평균을 씁니다: "
        "std = sqrt(2/(fan_in+fan_out))",
    "you get with sqrt(1/fan_in), LeCun's std: Xavier uses both fans, std = sqrt(2/(fan_in+fan_out))":
        "LeCun의 표준편차 sqrt(1/fan_in)를 쓴 경우. Xavier는 두 fan을 모두 씁니다: "
        "std = sqrt(2/(fan_in+fan_out))",
    "you get with sqrt(2/fan_out): Xavier uses both fans, std = sqrt(2/(fan_in+fan_out))":
        "sqrt(2/fan_out)를 쓴 경우. Xavier는 두 fan을 모두 씁니다: std = sqrt(2/(fan_in+fan_out))",
    "you get with fan_in*fan_out instead of fan_in+fan_out":
        "fan_in+fan_out 대신 fan_in*fan_out을 쓴 경우",
    "you get with the uniform limit sqrt(6/(fan_in+fan_out)) used as the std of a normal":
        "균등 분포의 한계(limit) sqrt(6/(fan_in+fan_out))를 정규 분포의 표준편차로 쓴 경우",
    # Xavier uniform
    "you get with the normal's std sqrt(2/(fan_in+fan_out)) used as the limit: a uniform U(-l, l) has "
    "variance l^2/3, so l = sqrt(6/(fan_in+fan_out))":
        "정규 분포의 표준편차 sqrt(2/(fan_in+fan_out))를 한계(limit)로 쓴 경우. 균등 분포 U(-l, l)의 분산은 "
        "l^2/3이므로 l = sqrt(6/(fan_in+fan_out))입니다",
    "you get with 6/(fan_in+fan_out) without the square root":
        "6/(fan_in+fan_out)에 제곱근을 씌우지 않은 경우",
    "you get with sqrt(3/(fan_in+fan_out)): the limit is sqrt(6/(fan_in+fan_out))":
        "sqrt(3/(fan_in+fan_out))를 쓴 경우. 한계(limit)는 sqrt(6/(fan_in+fan_out))입니다",
    "you get with He's limit sqrt(6/fan_in): Xavier uses both fans, sqrt(6/(fan_in+fan_out))":
        "He의 한계(limit) sqrt(6/fan_in)를 쓴 경우. Xavier는 두 fan을 모두 씁니다: sqrt(6/(fan_in+fan_out))",
    "you get with LeCun's uniform limit sqrt(3/fan_in): Xavier's is sqrt(6/(fan_in+fan_out))":
        "LeCun의 균등 분포 한계(limit) sqrt(3/fan_in)를 쓴 경우. Xavier의 한계는 sqrt(6/(fan_in+fan_out))입니다",
    # He uniform
    "you get with the normal's std sqrt(2/fan_in) used as the limit: a uniform U(-l, l) has variance "
    "l^2/3, so l = sqrt(6/fan_in)":
        "정규 분포의 표준편차 sqrt(2/fan_in)를 한계(limit)로 쓴 경우. 균등 분포 U(-l, l)의 분산은 l^2/3이므로 "
        "l = sqrt(6/fan_in)입니다",
    "you get with 6/fan_in without the square root: the limit is sqrt(6/fan_in)":
        "6/fan_in에 제곱근을 씌우지 않은 경우. 한계(limit)는 sqrt(6/fan_in)입니다",
    "you get with LeCun's uniform limit sqrt(3/fan_in): He's is sqrt(6/fan_in)":
        "LeCun의 균등 분포 한계(limit) sqrt(3/fan_in)를 쓴 경우. He의 한계는 sqrt(6/fan_in)입니다",
    "you get with Xavier's limit sqrt(6/(fan_in+fan_out)): He's is sqrt(6/fan_in)":
        "Xavier의 한계(limit) sqrt(6/(fan_in+fan_out))를 쓴 경우. He의 한계는 sqrt(6/fan_in)입니다",
    "you get with limit sqrt(6/fan_in) with {fan_mistake}":
        "한계(limit) sqrt(6/fan_in)의 fan_in 자리에 잘못된 값을 넣은 경우: {fan_mistake}",

    # the weights drawn: shape, dtype, values
    ": that is (fan_in, fan_out); a conv kernel keeps its own shape (kh, kw, c_in, c_out), "
    "draw with size=shape":
        ": 이는 (fan_in, fan_out)입니다; 합성곱 커널은 자신의 모양 (kh, kw, c_in, c_out)을 그대로 가져야 하니 "
        "size=shape로 뽑으세요",
    ": the axes are reversed; draw with size=shape": ": 축의 순서가 뒤집혔습니다; size=shape로 뽑으세요",
    ": a single number; draw one value per weight with size=shape":
        ": 숫자 하나뿐입니다; size=shape로 가중치마다 값을 하나씩 뽑으세요",
    "{what} returned an array of shape {shape}; expected the requested shape {expected}{hint}":
        "{what}이(가) 모양 {shape}의 배열을 반환했습니다; 요청한 모양 {expected}이어야 합니다{hint}",
    "{what} returned dtype {dtype}; weights must be floating point (float32, as numpynet's "
    "layers use)":
        "{what}이(가) dtype {dtype}을(를) 반환했습니다; 가중치는 부동소수점 수여야 합니다 (numpynet의 층이 "
        "쓰는 float32)",
    "{what} returned {count} non-finite values (NaN or inf)":
        "{what}이(가) 유한하지 않은 값(NaN 또는 inf)을 {count}개 반환했습니다",
    "two calls of {call} with one generator returned identical weights, so every layer of this "
    "shape would start with the same kernel: you do not draw from the rng argument (a generator of "
    "your own with a fixed seed?)":
        "한 생성기로 {call}을(를) 두 번 호출했더니 똑같은 가중치가 나왔습니다. 그러면 이 모양의 층은 모두 같은 "
        "커널로 시작합니다: rng 인자에서 뽑고 있지 않습니다 (시드를 고정해 직접 만든 생성기를 쓰고 있나요?)",
    " (note: your fans{shape} raises an error; fix fans first)":
        " (참고: 여러분의 fans{shape}에서 오류가 발생합니다; fans부터 고치세요)",
    " (note: your fans{shape} returns {got}, expected {expected}: fix fans first, its tests say how)":
        " (참고: 여러분의 fans{shape}이(가) {got}을(를) 반환하는데, {expected}이어야 합니다: fans부터 고치세요. "
        "fans의 테스트가 어떻게 고칠지 알려 줍니다)",

    # the statistics of the draws
    "the mean of {what} is {mean:.4g}; expected 0 (within {tolerance:.2g}): weights must be "
    "centred on 0":
        "{what}의 평균이 {mean:.4g}입니다; 0이어야 합니다 (허용 오차 {tolerance:.2g}): 가중치는 0을 중심으로 "
        "분포해야 합니다",
    ". Your mean is the std {std:.4g}: rng.normal's first argument is the mean (loc), so "
    "rng.normal(std, size=shape) draws N(std, 1); write rng.normal(0.0, std, shape) or "
    "rng.normal(scale=std, size=shape)":
        ". 평균이 표준편차 {std:.4g}과(와) 같습니다: rng.normal의 첫 번째 인자는 평균(loc)이므로 "
        "rng.normal(std, size=shape)는 N(std, 1)에서 뽑습니다; rng.normal(0.0, std, shape) 또는 "
        "rng.normal(scale=std, size=shape)로 쓰세요",
    ". All your values are >= 0 (np.abs?): a weight is negative as often as positive":
        ". 모든 값이 >= 0입니다 (np.abs?): 가중치는 양수인 만큼 음수이기도 해야 합니다",
    ". All your values are >= 0: that is what rng.random(shape) * limit (a uniform on "
    "[0, limit)) gives; draw from U(-limit, limit): rng.uniform(-limit, limit, shape) or "
    "(rng.random(shape) * 2 - 1) * limit":
        ". 모든 값이 >= 0입니다: rng.random(shape) * limit([0, limit) 위의 균등 분포)가 바로 이런 값을 "
        "냅니다; U(-limit, limit)에서 뽑으세요: rng.uniform(-limit, limit, shape) 또는 "
        "(rng.random(shape) * 2 - 1) * limit",
    "{what} ({count:,} values, fans {fans})": "{what} (값 {count:,}개, fans {fans})",
    "{what}: every value is the same ({value:.4g}); draw random values from N(0, std^2)":
        "{what}: 모든 값이 같습니다 ({value:.4g}); N(0, std^2)에서 무작위 값을 뽑으세요",
    "the std of {about}": "{about}의 표준편차",
    " (a uniform distribution has none: use rng.normal or rng.standard_normal)":
        " (균등 분포에는 그런 값이 없습니다: rng.normal 또는 rng.standard_normal을 쓰세요)",
    "{what} has the right std but not a normal distribution: {share:.2%} of the values lie beyond "
    "2 std, a normal has 4.55%{hint}":
        "{what}의 표준편차는 맞지만 정규 분포가 아닙니다: 값의 {share:.2%}가 2 std 밖에 있는데, 정규 분포라면 "
        "4.55%입니다{hint}",
    "{what}: every value is the same ({value:.4g}); draw random values from U(-limit, limit)":
        "{what}: 모든 값이 같습니다 ({value:.4g}); U(-limit, limit)에서 무작위 값을 뽑으세요",
    "{about} has values up to |w| = {biggest:.4g}, beyond the limit {limit:.4g}":
        "{about}에 |w| = {biggest:.4g}까지의 값이 있어 한계(limit) {limit:.4g}을(를) 넘습니다",
    ", with the std of U(-limit, limit): you drew from a normal distribution; "
    "draw from a uniform one (rng.uniform(-limit, limit, shape))":
        ". 그런데 표준편차는 U(-limit, limit)의 것과 같으니, 정규 분포에서 뽑은 것입니다; 균등 분포에서 "
        "뽑으세요 (rng.uniform(-limit, limit, shape))",
    ": draw from U(-limit, limit)": ": U(-limit, limit)에서 뽑으세요",
    "the largest |value| of {about}, which for U(-limit, limit) is the limit":
        "{about}의 가장 큰 |값| (U(-limit, limit)라면 이 값이 한계 limit입니다)",
    "{about} is not uniform on [-limit, limit): {share:.1%} of the values have |w| < limit/2 "
    "(a uniform has 50%) and the std is {std:.4g} (a uniform has limit/sqrt(3) = {uniform_std:.4g})":
        "{about}은(는) [-limit, limit) 위의 균등 분포가 아닙니다: |w| < limit/2인 값이 {share:.1%}이고 "
        "(균등 분포라면 50%) 표준편차가 {std:.4g}입니다 (균등 분포라면 limit/sqrt(3) = {uniform_std:.4g})",
    "{call} (pooled over {calls} calls)": "{call} ({calls}번 호출한 값을 모은 것)",

    # drawing from the rng argument
    "{name}(shape, rng=np.random.default_rng({seed})) gave different weights in two calls: your "
    "function does not draw from rng (np.random.randn, np.random.normal and np.random.rand use "
    "NumPy's global generator, so a seed cannot reproduce your network). Draw every number from "
    "the rng argument: rng.normal(...), rng.standard_normal(...), rng.uniform(...)":
        "{name}(shape, rng=np.random.default_rng({seed}))이(가) 두 번의 호출에서 서로 다른 가중치를 "
        "냈습니다: 함수가 rng에서 뽑지 않습니다 (np.random.randn, np.random.normal, np.random.rand는 "
        "NumPy의 전역 생성기를 쓰므로, 시드로 네트워크를 재현할 수 없습니다). 모든 수를 rng 인자에서 "
        "뽑으세요: rng.normal(...), rng.standard_normal(...), rng.uniform(...)",
    "{name} gave identical weights for np.random.default_rng({seed}) and "
    "np.random.default_rng({other_seed}): you draw from a generator with a fixed seed of your own "
    "instead of the rng argument":
        "{name}이(가) np.random.default_rng({seed})와 np.random.default_rng({other_seed})에 대해 똑같은 "
        "가중치를 냈습니다: rng 인자 대신, 시드를 고정해 직접 만든 생성기에서 뽑고 있습니다",
    "two calls of {name} with the same generator gave identical weights: every layer of a network "
    "would start with the same weights. Draw from rng itself (do not re-create or copy it)":
        "같은 생성기로 {name}을(를) 두 번 호출했더니 똑같은 가중치가 나왔습니다: 그러면 네트워크의 모든 층이 "
        "같은 가중치로 시작합니다. rng 자체에서 뽑으세요 (다시 만들거나 복사하지 마세요)",
    "two networks built with initializer=he_normal and rng=np.random.default_rng(7) got different "
    "weights: draw from the rng argument":
        "initializer=he_normal과 rng=np.random.default_rng(7)로 만든 두 네트워크의 가중치가 서로 다릅니다: "
        "rng 인자에서 뽑으세요",

    # deep ReLU networks initialized with he_normal
    "Yours shrink with depth: the weights' variance is too small for ReLU, which zeroes half of "
    "its inputs; He's variance is 2/fan_in":
        "여러분의 값은 층이 깊어질수록 줄어듭니다: 입력의 절반을 0으로 만드는 ReLU에는 가중치의 분산이 너무 "
        "작습니다; He 초기화의 분산은 2/fan_in입니다",
    "Yours grow with depth: the weights' variance is too large; He's variance is 2/fan_in":
        "여러분의 값은 층이 깊어질수록 커집니다: 가중치의 분산이 너무 큽니다; He 초기화의 분산은 "
        "2/fan_in입니다",
    "{what}: the std of the activations, layer 1 to 10, is {shown}; with He initialization it stays of "
    "the same order ({reference} with the reference). {diagnosis}":
        "{what}: 1층부터 10층까지 활성화 값의 표준편차가 {shown}입니다; He 초기화라면 같은 크기 정도로 "
        "유지됩니다 (참조 구현으로는 {reference}). {diagnosis}",
    "a 10-layer ReLU network of 500 units initialized with your he_normal (unit-Gaussian input)":
        "여러분의 he_normal로 초기화한, 층마다 유닛 500개인 10층 ReLU 네트워크 (표준 정규 분포 입력)",
    "a 10-layer ReLU conv net (3x3 kernels, 64 channels) initialized with your he_normal":
        "여러분의 he_normal로 초기화한 10층 ReLU 합성곱 신경망 (3x3 커널, 채널 64개)",

    # the MNIST MLP
    "all-zero (or constant) weights: the hidden units stay identical and, with ReLU'(0) = 0, no "
    "gradient reaches the hidden layers (one digit for every image, 11% in a run of this recipe). "
    "The he_normal tests above name this; then check that the training cell ran to its end":
        "모두 0인 (또는 상수인) 가중치: 은닉 유닛들이 서로 똑같이 남고, ReLU'(0) = 0이므로 은닉층에는 기울기가 "
        "전혀 도달하지 않습니다 (이 학습 설정으로 돌려 보면 모든 이미지를 한 숫자로 예측하여 11%). 위의 "
        "he_normal 테스트가 이 실수를 짚어 줍니다; 그다음 학습 셀이 끝까지 실행되었는지 확인하세요",
    "in runs of this recipe, rng.normal(std, size=shape) (which draws N(std, 1), the std taken for "
    "the mean) reached 87%, N(0, 1) weights 86%, weights ten times too large 89%, all-positive "
    "weights (np.abs) 90%, the variance 2/fan_in used as the std (weights far too small) 94%. The "
    "he_normal tests above name each of these; then check that the training cell ran its epoch":
        "이 학습 설정으로 돌려 보면, rng.normal(std, size=shape) (N(std, 1)을 뽑습니다: std를 평균으로 "
        "넘긴 것)는 87%, N(0, 1) 가중치는 86%, 열 배 큰 가중치는 89%, 모두 양수인 가중치(np.abs)는 90%, "
        "분산 2/fan_in을 표준편차로 쓴 경우(가중치가 너무 작음)는 94%에 그쳤습니다. 위의 he_normal 테스트가 "
        "이 실수들을 하나하나 짚어 줍니다; 그다음 학습 셀이 한 에포크를 끝까지 실행했는지 확인하세요",
    "your 784-256-256-10 ReLU MLP with he_normal (Adam 1e-3, 1 epoch)":
        "여러분의 he_normal로 초기화한 784-256-256-10 ReLU MLP (Adam 1e-3, 1 에포크)",
    "reference solution, same training, 10 seeds: 95.81% to 96.51%, mean 96.20%":
        "참조 답안, 같은 학습, 시드 10개: 95.81%에서 96.51%, 평균 96.20%",
}
