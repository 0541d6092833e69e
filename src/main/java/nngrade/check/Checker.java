package nngrade.check;

import nngrade.check.diagnosis.Context;
import nngrade.check.diagnosis.Diagnoser;
import nngrade.check.diagnosis.Diagnoser.Found;
import nngrade.check.diagnosis.Diagnoser.Reference;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;
import nngrade.solve.AnswerKey;
import nngrade.submission.Answer;
import nngrade.submission.Submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grades a submission against an answer key: each asked quantity against the key, then
 * against its follow-through value (what it should be given the student's own earlier
 * answers), and a wrong one is diagnosed. Pure: no files, no printing.
 */
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
        World world = new World(key, submission);
        Soundness soundness = new Soundness(world, tolerances);
        List<QuantityResult> results = new ArrayList<>();
        double score = 0;
        double max = 0;
        for (Quantity q : p.ask()) {
            QuantityResult r = grade(world, soundness, q, submission.answers().get(q), tolerances.of(q));
            results.add(r);
            score += r.points();
            max += r.maxPoints();
        }
        return new CheckResult(p, p.id(), student, submission.source(), true, score, max, errors, results);
    }

    private static QuantityResult grade(World world, Soundness soundness, Quantity q, Answer answer, Tolerance t) {
        Problem p = world.key().problem();
        Matrix expected = world.key().get(q);
        double maxPoints = p.points().of(q);
        String formula = world.key().formula(q);
        if (answer == null) {
            return new QuantityResult(q, q.name(), Status.MISSING, 0, maxPoints, null, expected, t, List.of(),
                    List.of(), List.of(), List.of(), formula, List.of());
        }
        if (!answer.isReadable()) {
            return new QuantityResult(q, answer.name(), Status.INVALID, 0, maxPoints, null, expected, t, List.of(),
                    List.of(), List.of(), List.of(), formula, answer.problems());
        }
        Matrix submitted = World.oriented(p, q, answer.value(), expected);
        String name = answer.name();

        if (!submitted.sameShape(expected)) {
            FollowThrough ft = FollowThrough.of(world, q);
            Optional<Found> found = Diagnoser.diagnose(submitted, references(world, q, t, ft));
            List<String> diagnoses = found.map(Found::codes).orElse(List.of());
            List<String> from = found.isPresent() && found.get().own() ? ft.carriedFrom() : List.of();
            Status status = diagnoses.isEmpty() ? Status.INVALID : Status.INCORRECT;
            if (diagnoses.isEmpty()) {
                diagnoses = List.of(Diagnoser.SHAPE_MISMATCH);
            }
            return new QuantityResult(q, name, status, 0, maxPoints, submitted, expected, t, List.of(), diagnoses,
                    from, List.of(), formula, List.of());
        }

        List<CellResult> cells = compare(submitted, expected, t);
        int right = countCorrect(cells);
        if (right == cells.size()) {
            return new QuantityResult(q, name, Status.CORRECT, maxPoints, maxPoints, submitted, expected, t, cells,
                    List.of(), List.of(), List.of(), formula, List.of());
        }
        FollowThrough ft = FollowThrough.of(world, q); // only a wrong answer needs it
        // follow-through from answers that are themselves free of mistakes (right, or right
        // given sound answers) only carries allowed rounding forward: it costs nothing
        double share = ft != null && soundness.allSound(FollowThrough.inputs(p, q)) ? 1 : p.followThrough();
        if (ft != null && t.accepts(submitted, ft.value())) {
            return new QuantityResult(q, name, Status.FOLLOW_THROUGH, share * maxPoints, maxPoints, submitted, expected,
                    t, cells, List.of(), ft.carriedFrom(), List.of(), formula, List.of());
        }

        Optional<Found> found = Diagnoser.diagnose(submitted, references(world, q, t, ft));
        List<String> diagnoses = found.map(Found::codes).orElse(List.of());
        List<String> from = found.isPresent() && found.get().own() ? ft.carriedFrom() : List.of();
        List<CellResult> ownMisses = List.of();
        double fraction = (double) right / cells.size();
        if (ft != null) {
            List<CellResult> ownCells = compare(submitted, ft.value(), t);
            int ownRight = countCorrect(ownCells);
            fraction = Math.max(fraction, share * ownRight / ownCells.size());
            if (diagnoses.isEmpty() && ownRight > right) {
                ownMisses = ownCells.stream().filter(c -> !c.correct()).toList();
                from = ft.carriedFrom();
            }
        }
        double points = p.partialCredit() ? maxPoints * fraction : 0;
        return new QuantityResult(q, name, Status.INCORRECT, points, maxPoints, submitted, expected, t, cells,
                diagnoses, from, ownMisses, formula, List.of());
    }

    /**
     * What a wrong answer is diagnosed against: the key and its follow-through value if any. Where
     * the student's own earlier answers give another value than the key's, that value comes
     * first: a slip after an earlier slip is a mistake in working from the student's own values,
     * so it is named relative to them (dW1 transposed after a flipped δ1 is "transposed", not
     * "transposed and sign-flipped").
     */
    private static List<Reference> references(World world, Quantity q, Tolerance t, FollowThrough ft) {
        Problem p = world.key().problem();
        Matrix expected = world.key().get(q);
        Reference key = new Reference(new Context(p, q, t, world.key()::get), expected, false);
        if (ft == null) {
            return List.of(key);
        }
        Reference own = new Reference(new Context(p, q, t, world::get), ft.value(), true);
        return t.accepts(ft.value(), expected) ? List.of(key, own) : List.of(own, key);
    }

    private static int countCorrect(List<CellResult> cells) {
        int n = 0;
        for (CellResult c : cells) {
            if (c.correct()) {
                n++;
            }
        }
        return n;
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

}
