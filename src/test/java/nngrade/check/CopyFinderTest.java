package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Answer;
import nngrade.submission.Submission;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The copy finder on three variants of the notes' problem (9 points), W1 moved by 0, 0.5 and 1
 * in every cell: the answers of one variant handed in by another student.
 */
class CopyFinderTest {
    private static final Problem NOTES = Mistakes.load("notes-softmax-step.json");
    private static final Map<String, AnswerKey> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("ana", Solver.solve(variant(0)));
        KEYS.put("bogdan", Solver.solve(variant(0.5)));
        KEYS.put("carmen", Solver.solve(variant(1)));
    }

    private static Problem variant(double shift) {
        Problem p = NOTES;
        return new Problem(p.source(), p.id(), p.title(), p.statement(), p.network(), p.learningRate(), p.x(), p.y(),
                List.of(p.w(1).map(v -> v + shift)), p.biases(), p.ask(), p.tolerance(), p.points(), p.partialCredit(),
                p.followThrough());
    }

    private static Submission answersOf(String id, List<Quantity> only) {
        Map<Quantity, Matrix> values = new LinkedHashMap<>();
        for (Quantity q : only) {
            values.put(q, KEYS.get(id).get(q));
        }
        return Mistakes.submission(NOTES, values);
    }

    private static CopyFinder.Match find(Submission s, String own) {
        double ownScore = Checker.check(KEYS.get(own), s, null, own).score();
        return new CopyFinder(KEYS).find(s, own, ownScore, 9);
    }

    @Test
    void anotherStudentsAnswersAreFound() {
        Submission bogdans = answersOf("bogdan", NOTES.ask());
        CopyFinder.Match m = find(bogdans, "ana");
        assertEquals("bogdan", m.otherId());
        assertEquals(9.0, m.otherScore(), 1e-12);
        assertEquals(Checker.check(KEYS.get("ana"), bogdans, null, "ana").score(), m.ownScore());
        assertEquals("carmen", find(answersOf("carmen", NOTES.ask()), "bogdan").otherId());
    }

    @Test
    void ownAnswersAreNoCopy() {
        assertNull(find(answersOf("ana", NOTES.ask()), "ana"));
    }

    /** Bogdan's z1, ŷ and loss alone fit his variant for 3 of 9 points: under half. */
    @Test
    void fewerThanHalfThePointsIsNoCopy() {
        assertNull(find(answersOf("bogdan", List.of(Quantity.of(Kind.Z, 1), Quantity.YHAT, Quantity.LOSS)), "ana"));
    }

    /** An unreadable answer says nothing of whose variant it is. */
    @Test
    void unreadableAnswersAreSkipped() {
        Map<Quantity, Answer> answers = new LinkedHashMap<>(answersOf("bogdan", NOTES.ask()).answers());
        answers.put(Quantity.YHAT, Answer.unreadable("yhat", List.of("not a number")));
        Submission s = new Submission("test", NOTES.id(), "s", answers, List.of());
        CopyFinder.Match m = find(s, "ana");
        assertEquals("bogdan", m.otherId());
        assertEquals(8.0, m.otherScore(), 1e-12);
    }

    /** The bounds: more than the own score, at least half the maximum (both given by the caller). */
    @Test
    void theBoundsAreStrictOnTheOwnScoreAndInclusiveAtHalf() {
        CopyFinder finder = new CopyFinder(KEYS);
        Submission all = answersOf("bogdan", NOTES.ask());
        assertNull(finder.find(all, "ana", 9, 9)); // no better than the own score
        assertEquals("bogdan", finder.find(all, "ana", 8.5, 9).otherId());
        Submission three = answersOf("bogdan", List.of(Quantity.of(Kind.Z, 1), Quantity.YHAT, Quantity.LOSS));
        assertEquals(3.0, finder.find(three, "ana", 0, 6).otherScore(), 1e-12); // exactly half
        assertNull(finder.find(three, "ana", 0, 6.5));
    }

    /** Two variants the answers fit equally: the first id in order. */
    @Test
    void aTieGoesToTheFirstId() {
        Map<String, AnswerKey> twins = new LinkedHashMap<>(KEYS);
        twins.put("dora", KEYS.get("carmen"));
        twins.put("aaron", KEYS.get("carmen"));
        CopyFinder.Match m = new CopyFinder(twins).find(answersOf("carmen", NOTES.ask()), "ana", 0, 9);
        assertEquals("aaron", m.otherId());
    }
}
