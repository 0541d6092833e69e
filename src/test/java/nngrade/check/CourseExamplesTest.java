package nngrade.check;

import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.solve.Solver;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-ins of docs/examples/course grade as the docs say: each classic mistake of the
 * course's later topics named by its code, what follows from it carried forward.
 */
class CourseExamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "weight-decay-penalty-omitted | weight-decay-step | 7 | dW1 regularization-omitted; W1_next follow-through",
        "momentum-state-not-updated | momentum-step | 7 | vW1_next state-not-updated; vb1_next state-not-updated; "
                + "W1_next follow-through; b1_next follow-through",
        "adam-no-bias-correction | adam-step | 10 | W1_next bias-correction-omitted",
        "three-step-followthrough | three-step-loss | 10 | dW1 missing-mean; db1 missing-mean; W1_next follow-through; "
                + "b1_next follow-through; loss@2 follow-through; dW1@2 missing-mean; db1@2 missing-mean; "
                + "W1_next@2 follow-through; b1_next@2 follow-through; loss@3 follow-through; dW1@3 missing-mean; "
                + "db1@3 follow-through; W1_next@3 follow-through; b1_next@3 follow-through",
        "graph-add-mul-local-gradient | graph-add-mul | 4 | dx local-gradient-only; dy local-gradient-only",
        "graph-fanout-mistakes | graph-fanout | 7 | dx fan-out-not-summed; dy max-wrong-branch",
    })
    void eachHandInGetsItsCodes(String file, String problem, double score, String notCorrect) {
        Problem p = ProblemLoader.load(Path.of("problems", problem + ".json"));
        CheckResult r = Checker.check(Solver.solve(p),
                SubmissionReader.read(Path.of("docs/examples/course", file + ".json"), p), null, "student");
        List<String> got = new ArrayList<>();
        for (QuantityResult q : r.quantities()) {
            if (q.status() != Status.CORRECT) {
                got.add(q.name() + " " + (q.status() == Status.FOLLOW_THROUGH ? "follow-through" : String.join("+", q.diagnoses())));
            }
        }
        assertEquals(notCorrect, String.join("; ", got));
        assertEquals(score, r.score(), 1e-9);
    }
}
