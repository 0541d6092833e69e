package nngrade.check;

import nngrade.input.InputError;
import nngrade.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The grading of one submission.
 *
 * @param problemSpec the problem graded against
 * @param graded whether the submission could be read at all (report status graded or invalid)
 * @param errors what was wrong in the file, each with its place
 * @param notes  what the reader should know that is not a mistake in an answer (the file's
 *               variant code is another variant's), each one line in the report's language
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
        List<QuantityResult> quantities,
        List<String> notes) {

    public CheckResult {
        errors = List.copyOf(errors);
        quantities = List.copyOf(quantities);
        notes = List.copyOf(notes);
    }

    public CheckResult(Problem problemSpec, String problem, String student, String source, boolean graded, double score,
                       double maxScore, List<InputError> errors, List<QuantityResult> quantities) {
        this(problemSpec, problem, student, source, graded, score, maxScore, errors, quantities, List.of());
    }

    /** The same result with one more note. */
    public CheckResult withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new CheckResult(problemSpec, problem, student, source, graded, score, maxScore, errors, quantities, more);
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
