"""Korean texts of autograder/checks/_common.py."""
MESSAGES = {
    "{what} raised NotImplementedError: write your implementation in the answer cell "
    "(and run that cell before the tests)":
        "{what}에서 NotImplementedError가 발생했습니다: 답안 셀에 구현을 작성하세요 (그리고 테스트보다 먼저 그 셀을 실행하세요)",
    "{what} raised {error_type}: {error}": "{what}에서 {error_type} 예외가 발생했습니다: {error}",
    "an empty line": "빈 줄",
    " (and 1 more line)": " (그 밖에 1줄 더)",
    " (and {count} more lines)": " (그 밖에 {count}줄 더)",
    "{what} printed {shown}{more}. A graded answer must print nothing: a debug print left in code that "
    "training calls runs at every iteration (thousands of lines an epoch, and a slower training). Remove the "
    "print (or comment it out) and run the cell again":
        "{what}이(가) {shown}{more}을(를) 출력했습니다. 채점되는 답안은 아무것도 출력하지 않아야 합니다: 학습이 "
        "호출하는 코드에 남은 디버그용 print는 반복마다 실행됩니다 (에폭마다 수천 줄, 그리고 더 느린 학습). "
        "print를 지우고 (또는 주석 처리하고) 셀을 다시 실행하세요",
    "{what} returned {type}, which is not an array ({error})":
        "{what}이(가) 배열이 아닌 {type}을(를) 반환했습니다 ({error})",
    "{what} returned {type} with dtype {dtype}; expected a numeric array":
        "{what}이(가) dtype이 {dtype}인 {type}을(를) 반환했습니다; 숫자 배열이어야 합니다",
    "{what}: expected shape {expected}, got {actual}": "{what}: 모양(shape) {expected}이어야 하는데 {actual}입니다",
    "{what}: expected {expected}, got {actual}": "{what}: 기대값 {expected}, 실제값 {actual}",
    " (first difference at index {index}: expected {expected:.6g}, got {actual:.6g})":
        " (첫 차이는 인덱스 {index}: 기대값 {expected:.6g}, 실제값 {actual:.6g})",
    ". Your values hold NaN or inf": ". 값에 NaN 또는 inf가 있습니다",
    "{message}. This is what {mistake}": "{message}. 알려진 실수와 같은 값입니다: {mistake}",
    "look for a mistake in the pieces it was trained with (their tests above): a forward that returns zeros, "
    "a derivative or an update with the wrong sign; then check that the training cell ran to its end":
        "학습에 쓰인 부품들(위의 테스트)에서 실수를 찾아보세요: 0을 반환하는 forward, 부호가 틀린 도함수나 "
        "갱신; 그다음 학습 셀이 끝까지 실행되었는지 확인하세요",
    "look for a step of the wrong size (a derivative or an update off by a constant factor, a learning rate "
    "that enters twice), then at the recipe: the learning rate, the number of iterations, and whether the "
    "training cell ran to its end":
        "크기가 틀린 한 걸음을 찾아보세요 (상수배만큼 틀린 도함수나 갱신, 두 번 곱해진 학습률(learning rate)), "
        "그다음 학습 설정을 보세요: 학습률, 반복 횟수, 그리고 학습 셀이 끝까지 실행되었는지",
    "Its trained weights hold NaN or inf: the training diverged (steps far too large, from the learning rate "
    "or an update that blows up), and every prediction is then the same":
        "학습된 가중치에 NaN 또는 inf가 있습니다: 학습이 발산했습니다 (학습률이나 폭주하는 갱신 때문에 너무 큰 "
        "걸음), 그러면 모든 예측이 같아집니다",
    "It predicts the digit {digit} for {share:.0%} of the images (the digit {digit} is {truth:.0%} of them)":
        "이미지의 {share:.0%}를 숫자 {digit}(으)로 예측합니다 (실제로 숫자 {digit}은(는) {truth:.0%}입니다)",
    "{fraction:.0%} of layer {layer}'s": "{layer}번 층의 {fraction:.0%}",
    "Dead units: {layers} output 0 for every one of 1,000 test images, so no gradient reaches their weights":
        "죽은 유닛(dead unit): {layers} 유닛이 테스트 이미지 1,000장 모두에서 0을 출력하므로, 그 가중치에는 "
        "기울기가 전혀 도달하지 않습니다",
    "That is guessing (chance is 10%): the trained weights carry almost nothing about the digits. Likely "
    "causes: {causes}":
        "이는 찍기 수준입니다 (우연히 맞힐 확률이 10%): 학습된 가중치가 숫자에 대해 거의 아무것도 담고 있지 "
        "않습니다. 가능한 원인: {causes}",
    "It has learned something, so the forward and backward passes are roughly right, but not well enough. "
    "Likely causes: {causes}":
        "무언가를 배우기는 했으므로 순전파와 역전파는 대체로 맞지만, 충분하지 않습니다. 가능한 원인: {causes}",
    "your model": "여러분의 모델",
    "{what} cannot be evaluated: {error}. The accuracy is recomputed from the model's layers and trained "
    "weights, so the model must be the Sequential the notebook builds and trains":
        "{what}을(를) 평가할 수 없습니다: {error}. 정확도는 모델의 층과 학습된 가중치로 다시 계산되므로, 모델은 "
        "노트북이 만들고 학습시키는 Sequential이어야 합니다",
    "{what}: {accuracy:.2%} of the MNIST test images (at least {minimum:.1%} needed)":
        "{what}: MNIST 테스트 이미지의 {accuracy:.2%} (최소 {minimum:.1%} 필요)",
    "{what} classifies {accuracy:.2%} of the 10,000 MNIST test images correctly; at least {minimum:.1%} is "
    "expected{source}. The accuracy is computed by the reference layers from your trained weights. {diagnosis}":
        "{what}은(는) MNIST 테스트 이미지 10,000장 중 {accuracy:.2%}를 맞게 분류합니다; 최소 {minimum:.1%}가 "
        "필요합니다{source}. 정확도는 여러분이 학습시킨 가중치로 참조 구현의 층들이 계산합니다. {diagnosis}",
}
