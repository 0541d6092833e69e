package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.solve.AnswerKey;
import nngrade.submission.Answer;
import nngrade.submission.Submission;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, for a problem with a variant per student, a submission whose answers fit another
 * student's variant better than its own: a likely copy. Each variant's answers are indexed by
 * quantity and first cell (to one decimal), so a submission is compared in full only with the
 * few variants it could fit, not with the whole class.
 */
public final class CopyFinder {
    private final Map<String, AnswerKey> keys;
    private final Map<String, Set<String>> index = new HashMap<>();

    /** @param keys every student's own answer key, by student id */
    public CopyFinder(Map<String, AnswerKey> keys) {
        this.keys = Map.copyOf(keys);
        keys.forEach((id, key) -> {
            for (Quantity q : key.problem().ask()) {
                index.computeIfAbsent(bucket(q, key.get(q).at(0)), b -> new TreeSet<>()).add(id);
            }
        });
    }

    /** A variant the answers fit better than their own, with both scores. */
    public record Match(String otherId, double otherScore, double ownScore) {
    }

    /**
     * The other student whose variant gives the most points, if more than the own score and
     * at least half the maximum; null otherwise. Ties go to the first id in order.
     */
    public Match find(Submission s, String ownId, double ownScore, double maxScore) {
        Set<String> candidates = new TreeSet<>();
        for (Map.Entry<Quantity, Answer> e : s.answers().entrySet()) {
            Matrix m = e.getValue().value();
            if (m != null && m.size() > 0) {
                candidates.addAll(index.getOrDefault(bucket(e.getKey(), m.at(0)), Set.of()));
            }
        }
        candidates.remove(ownId);
        Match best = null;
        for (String other : candidates) {
            double score = Checker.check(keys.get(other), s, null, other).score();
            if (score > ownScore && score >= maxScore / 2 && (best == null || score > best.otherScore())) {
                best = new Match(other, score, ownScore);
            }
        }
        return best;
    }

    private static String bucket(Quantity q, double v) {
        return q.name() + ":" + Math.round(v * 10);
    }
}
