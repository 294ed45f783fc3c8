"""Korean texts of autograder/checks/initializers.py."""
MESSAGES = {
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
