package nngrade.serve;

import java.time.Instant;

/**
 * A stored check and its number: 1, 2, … for each student and problem, in the order the checks
 * were stored, without gaps.
 */
public record Attempt(int number, Check check) {

    public String student() {
        return check.student();
    }

    public String problem() {
        return check.problem();
    }

    public Instant time() {
        return check.time();
    }

    public double score() {
        return check.score();
    }

    public double maxScore() {
        return check.maxScore();
    }
}
