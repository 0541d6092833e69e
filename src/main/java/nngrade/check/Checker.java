package nngrade.check;

import nngrade.problem.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;
import nngrade.solve.AnswerKey;
import nngrade.solve.Formulas;
import nngrade.submission.Answer;
import nngrade.submission.Submission;

import java.util.ArrayList;
import java.util.List;

/** Grades a submission against an answer key. Pure: no files, no printing. */
public final class Checker {
    private Checker() {
    }

    /**
     * @param toleranceOverride replaces the problem's default tolerance (per-quantity ones stay), or null
     * @param student           the id to report
     */
    public static CheckResult check(AnswerKey key, Submission submission, Tolerance toleranceOverride, String student) {
        Problem p = key.problem();
        Problem.Tolerances tolerances = toleranceOverride == null ? p.tolerance() : p.tolerance().withDefault(toleranceOverride);
        List<InputError> errors = new ArrayList<>(submission.errors());
        if (submission.problem() != null && !submission.problem().equals(p.id())) {
            errors.add(InputError.atField(submission.source(), "problem", "this file answers \"" + submission.problem()
                    + "\", but it is graded against \"" + p.id() + "\""));
        }
        List<QuantityResult> results = new ArrayList<>();
        double score = 0;
        double max = 0;
        for (Quantity q : p.ask()) {
            QuantityResult r = grade(p, q, key.get(q), submission.answers().get(q), tolerances.of(q));
            results.add(r);
            score += r.points();
            max += r.maxPoints();
        }
        return new CheckResult(p.id(), student, submission.source(), true, score, max, errors, results);
    }

    private static QuantityResult grade(Problem p, Quantity q, Matrix expected, Answer answer, Tolerance t) {
        double maxPoints = p.points().of(q);
        String formula = Formulas.of(p, q);
        if (answer == null) {
            return new QuantityResult(q, q.name(), Status.MISSING, 0, maxPoints, null, expected, t, List.of(),
                    List.of(), List.of(), formula, List.of());
        }
        if (!answer.isReadable()) {
            return new QuantityResult(q, answer.name(), Status.INVALID, 0, maxPoints, null, expected, t, List.of(),
                    List.of(), List.of(), formula, answer.problems());
        }
        Matrix submitted = orient(answer.value(), expected, q, p);
        if (!submitted.sameShape(expected)) {
            boolean transposedShape = submitted.rows() == expected.cols() && submitted.cols() == expected.rows();
            Status status = transposedShape ? Status.INCORRECT : Status.INVALID;
            List<String> problems = transposedShape ? List.of()
                    : List.of(answer.name() + " is " + submitted.shape() + ", but should be " + expected.shape());
            return new QuantityResult(q, answer.name(), status, 0, maxPoints, submitted, expected, t, List.of(),
                    List.of(), List.of(), formula, problems);
        }
        List<CellResult> cells = compare(submitted, expected, t);
        long right = cells.stream().filter(CellResult::correct).count();
        if (right == cells.size()) {
            return new QuantityResult(q, answer.name(), Status.CORRECT, maxPoints, maxPoints, submitted, expected, t,
                    cells, List.of(), List.of(), formula, List.of());
        }
        double points = p.partialCredit() ? maxPoints * right / cells.size() : 0;
        return new QuantityResult(q, answer.name(), Status.INCORRECT, points, maxPoints, submitted, expected, t, cells,
                List.of(), List.of(), formula, List.of());
    }

    /** Cell-by-cell comparison within the tolerance. */
    public static List<CellResult> compare(Matrix submitted, Matrix expected, Tolerance t) {
        List<CellResult> cells = new ArrayList<>(expected.size());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                double s = submitted.get(i, j);
                double e = expected.get(i, j);
                cells.add(new CellResult(i + 1, j + 1, s, e, t.accepts(s, e)));
            }
        }
        return cells;
    }

    /** Whether every cell of {@code submitted} is within the tolerance of {@code expected}. */
    public static boolean matches(Matrix submitted, Matrix expected, Tolerance t) {
        if (!submitted.sameShape(expected)) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!t.accepts(submitted.at(i), expected.at(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A vector written as a column is the same vector: biases, and per-sample quantities of a
     * single sample, have no orientation to get wrong.
     */
    private static Matrix orient(Matrix submitted, Matrix expected, Quantity q, Problem p) {
        boolean vector = q.isBiasVector() || (q.kind().perSample() && p.samples() == 1);
        if (vector && expected.rows() == 1 && submitted.cols() == 1 && submitted.rows() == expected.cols()) {
            return submitted.transpose();
        }
        return submitted;
    }
}
