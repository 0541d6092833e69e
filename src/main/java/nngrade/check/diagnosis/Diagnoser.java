package nngrade.check.diagnosis;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the mistake that explains a wrong answer: the first rule that does, in the order of
 * {@link #RULES}; if none does alone, a pair of mistakes that combine (transposed and
 * sign-flipped, say); and if the shape is wrong with nothing to explain it, shape-mismatch.
 * An answer may be compared with several references (the follow-through value computed from
 * the student's own answers, then the key): one mistake relative to any of them is a better
 * explanation than two mistakes relative to the first.
 */
public final class Diagnoser {
    /** Most specific first, so one answer gets one explanation. */
    public static final List<Diagnosis> RULES = List.of(
            new Transposed(),
            new SignFlipped(),
            new MissingMean(),
            new ExtraMean(),
            new WrongUpdateSign(),
            new LearningRateOmitted(),
            new RegularizationOmitted(),
            new RegularizationNotAveraged(),
            new StateNotUpdated(),
            new BiasCorrectionOmitted(),
            new MissingActivationDerivative(),
            new ActivationInsteadOfDerivative(),
            new WrongActivation(),
            new RoundedTooCoarsely());

    /**
     * A graph's scalars (v1.1): the network rules speak of layers, batches and activations a graph
     * has none of, so only these apply, and these apply to nothing else.
     */
    public static final List<Diagnosis> GRAPH_RULES = List.of(
            new SignFlipped(),
            new MaxWrongBranch(),
            new FanOutNotSummed(),
            new LocalGradientOnly(),
            new RoundedTooCoarsely());

    private static List<Diagnosis> rules(Quantity q) {
        return q.kind().graph() ? GRAPH_RULES : RULES;
    }

    /** The code for a wrong shape that no rule explains. */
    public static final String SHAPE_MISMATCH = "shape-mismatch";

    /**
     * A value the answer should have been, and the values it was computed from.
     *
     * @param own whether it was computed from the student's own earlier answers (follow-through)
     */
    public record Reference(Context context, Matrix value, boolean own) {
    }

    /** The codes explaining an answer, and the reference they are relative to. */
    public record Found(List<String> codes, Reference reference) {
        public Found {
            codes = List.copyOf(codes);
        }

        /** Whether the mistake is relative to the student's own earlier answers. */
        public boolean own() {
            return reference.own();
        }
    }

    private Diagnoser() {
    }

    /** The message key of a diagnosis code on q (shape-mismatch, not a rule, has its own). */
    public static String messageKey(String code, Problem p, Quantity q) {
        for (Diagnosis d : rules(q)) {
            if (d.code().equals(code)) {
                return d.messageKey(p, q);
            }
        }
        return "diagnosis." + code;
    }

    /** The codes explaining {@code submitted} against {@code reference}; empty when nothing does. */
    public static List<String> diagnose(Context c, Matrix submitted, Matrix reference) {
        return diagnose(submitted, List.of(new Reference(c, reference, false))).map(Found::codes).orElse(List.of());
    }

    /**
     * The explanation of {@code submitted}: a single rule against each reference in turn, then a
     * pair of composable rules against each; empty when nothing explains it.
     */
    public static Optional<Found> diagnose(Matrix submitted, List<Reference> references) {
        for (Reference ref : references) {
            for (Diagnosis d : rules(ref.context().quantity())) {
                if (d.explains(ref.context(), submitted, ref.value())) {
                    return Optional.of(new Found(List.of(d.code()), ref));
                }
            }
        }
        for (Reference ref : references) {
            List<String> pair = pair(ref, submitted);
            if (!pair.isEmpty()) {
                return Optional.of(new Found(pair, ref));
            }
        }
        return Optional.empty();
    }

    /**
     * Two composable mistakes that together give {@code submitted}, in the order of {@link #RULES}.
     * Not for a single number: its pairs (−m·e, −e/m, …) are so many targets that a wrong number
     * would often hit one by chance, and one number cannot tell two mistakes apart from that.
     */
    private static List<String> pair(Reference ref, Matrix submitted) {
        if (ref.value().size() < 2) {
            return List.of();
        }
        Context c = ref.context();
        List<CandidateDiagnosis> composable = new ArrayList<>();
        for (Diagnosis d : rules(c.quantity())) {
            if (d instanceof CandidateDiagnosis cd && cd.composable()) {
                composable.add(cd);
            }
        }
        for (int i = 0; i < composable.size(); i++) {
            for (int j = i + 1; j < composable.size(); j++) {
                CandidateDiagnosis first = composable.get(i);
                CandidateDiagnosis second = composable.get(j);
                for (Matrix once : first.candidates(c, ref.value())) {
                    for (Matrix twice : second.candidates(c, once)) {
                        if (CandidateDiagnosis.fits(c.tolerance(), submitted, twice, ref.value())) {
                            return List.of(first.code(), second.code());
                        }
                    }
                }
            }
        }
        return List.of();
    }
}
