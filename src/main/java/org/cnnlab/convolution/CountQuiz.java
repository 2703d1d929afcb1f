package org.cnnlab.convolution;

/**
 * The slide's quiz "¿cuántas imágenes obtenemos?": how many positions does a k×k window take on
 * an H×W image (valid padding, stride 1)? (H−k+1)·(W−k+1), one output value each, together one
 * feature map per filter. The slide's (n−2)×(n−2) is the square, 3×3 case.
 */
public final class CountQuiz {

    /** What the student is told; {@code hintKey} names the likely confusion when the answer is wrong. */
    public record Feedback(boolean correct, int outRows, int outCols, int positions, String hintKey) {

        /** The hint for a first wrong try: the same confusion named, the number kept back ({@code quiz.count.first.*}). */
        public String firstTryKey() {
            return hintKey.replace("quiz.count.hint.", "quiz.count.first.");
        }
    }

    private CountQuiz() {
    }

    public static Feedback check(int height, int width, int k, int answer) {
        OutputSize rows = OutputSize.of(height, k, Padding.VALID, 1, 1);
        OutputSize cols = OutputSize.of(width, k, Padding.VALID, 1, 1);
        int positions = rows.size() * cols.size();
        String hint;
        if (answer == positions) {
            hint = "quiz.count.correct";
        } else if (answer == 1) {
            hint = "quiz.count.hint.oneMap";
        } else if (answer == height * width) {
            hint = "quiz.count.hint.inputPixels";
        } else if (answer == (height - 2) * (height - 2) || answer == (width - 2) * (width - 2)) {
            hint = "quiz.count.hint.square";
        } else if (answer == k * k) {
            hint = "quiz.count.hint.kernel";
        } else {
            hint = "quiz.count.hint.general";
        }
        return new Feedback(answer == positions, rows.size(), cols.size(), positions, hint);
    }
}
