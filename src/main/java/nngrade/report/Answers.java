package nngrade.report;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.solve.AnswerKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A submission document to write: named matrices, in order. A NaN cell is a blank to fill in
 * (answer templates); everything else is written exactly.
 *
 * @param student the student id to write, or null
 * @param variant the variant code to write (templates of a student's own variant), or null
 */
public record Answers(String problem, String student, String variant, List<Entry> entries) {

    /**
     * @param flat whether the value is written as a flat list (vectors, and per-sample
     *             quantities of a single sample) rather than a list of rows
     */
    public record Entry(String name, Matrix value, boolean flat, boolean scalar) {
    }

    public Answers {
        entries = List.copyOf(entries);
    }

    public Answers(String problem, String student, List<Entry> entries) {
        this(problem, student, null, entries);
    }

    /** The same answers, written for a student and their variant's code (either may be null). */
    public Answers forStudent(String student, String variant) {
        return new Answers(problem, student, variant, entries);
    }

    /** The key's quantities as a submission, e.g. for {@code solve --format json}. */
    public static Answers of(AnswerKey key) {
        List<Entry> out = new ArrayList<>();
        key.values().forEach((q, m) -> out.add(entry(key.problem(), q, m)));
        return new Answers(key.problem().id(), null, out);
    }

    /** A blank answer sheet: every asked quantity in its shape, each cell empty. */
    public static Answers blank(Problem p) {
        List<Entry> out = new ArrayList<>();
        for (Quantity q : p.ask()) {
            int[] s = p.shapeOf(q);
            out.add(entry(p, q, Matrix.zeros(s[0], s[1]).map(v -> Double.NaN)));
        }
        return new Answers(p.id(), null, out);
    }

    /** Answers to some of a problem's quantities, in the order it asks them (the served form's). */
    public static Answers of(Problem p, Map<Quantity, Matrix> values) {
        List<Entry> out = new ArrayList<>();
        for (Quantity q : p.ask()) {
            Matrix m = values.get(q);
            if (m != null) {
                out.add(entry(p, q, m));
            }
        }
        return new Answers(p.id(), null, out);
    }

    private static Entry entry(Problem p, Quantity q, Matrix m) {
        boolean scalar = q.isScalar();
        boolean flat = q.isBiasVector() || (q.kind().perSample() && p.samples() == 1);
        return new Entry(q.name(), m, flat, scalar);
    }
}
