package org.cnnlab.base;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a quiz answers each try, and its score, for one student's page. A right answer is marked right.
 * The first wrong answer to a question gets a hint that names the likely confusion but keeps the
 * number back; a second wrong answer gets the answer and its working. A question scores when it is
 * answered right before its answer was shown, and counts once; {@link #rightFirstTime()} says how
 * many of those needed no hint.
 */
public final class QuizAttempts {

    /** What the page shows for a try. */
    public enum Verdict {
        RIGHT, HINT, ANSWER
    }

    private final Map<Integer, Integer> wrongTries = new HashMap<>();
    private final Set<Integer> tried = new HashSet<>();
    private final Set<Integer> scored = new HashSet<>();
    private final Set<Integer> firstTime = new HashSet<>();

    /** Records a try at {@code question} and says what to show. */
    public Verdict attempt(int question, boolean correct) {
        tried.add(question);
        int wrong = wrongTries.getOrDefault(question, 0);
        if (correct) {
            if (wrong < 2) scored.add(question);
            if (wrong == 0) firstTime.add(question);
            return Verdict.RIGHT;
        }
        wrongTries.put(question, wrong + 1);
        return wrong == 0 ? Verdict.HINT : Verdict.ANSWER;
    }

    /** Questions answered right before their answer was shown. */
    public int right() {
        return scored.size();
    }

    /** Of {@link #right()}, those right at the first try. */
    public int rightFirstTime() {
        return firstTime.size();
    }

    /** Questions tried at least once. */
    public int tried() {
        return tried.size();
    }
}
