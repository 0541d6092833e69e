package nngrade.check;

import nngrade.input.InputError;
import nngrade.problem.Problem;

import java.util.List;

/**
 * The grading of one submission.
 *
 * @param problemSpec the problem graded against
 * @param graded whether the submission could be read at all (report status graded or invalid)
 * @param errors what was wrong in the file, each with its place
 */
public record CheckResult(
        Problem problemSpec,
        String problem,
        String student,
        String source,
        boolean graded,
        double score,
        double maxScore,
        List<InputError> errors,
        List<QuantityResult> quantities) {

    public CheckResult {
        errors = List.copyOf(errors);
        quantities = List.copyOf(quantities);
    }

    /** The report's status word. */
    public String status() {
        return graded ? "graded" : "invalid";
    }

    public boolean allCorrect() {
        return graded && quantities.stream().allMatch(q -> q.status() == Status.CORRECT);
    }

    /** A result for a file that could not be read: every asked quantity scores 0. */
    public static CheckResult invalid(Problem problem, String student, String source, List<InputError> errors) {
        double max = problem.maxScore();
        return new CheckResult(problem, problem.id(), student, source, false, 0, max, errors, List.of());
    }
}
