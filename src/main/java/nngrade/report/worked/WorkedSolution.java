package nngrade.report.worked;

import nngrade.problem.Matrix;
import nngrade.problem.Problem;

import java.util.List;
import java.util.Optional;

/**
 * A problem's solution written out as the lecture notes do: what is given, then each quantity
 * asked and the ones the chain needs on the way, with its formula, the numbers put in and the
 * result. Pure values: the renderers ({@link WorkedMarkdown}, {@link WorkedLatex},
 * {@link WorkedHtml}) only write them.
 */
public record WorkedSolution(Problem problem, List<Given> given, List<WorkedStep> steps) {
    public WorkedSolution {
        given = List.copyOf(given);
        steps = List.copyOf(steps);
    }

    /**
     * A given value, written exactly: {@code W1 = …} with its layout in words as the note.
     *
     * @param symbol the symbol, in the math of {@code nngrade.solve.Formulas} ({@code W1}, {@code η})
     */
    public record Given(String symbol, Matrix value, Optional<String> note) {
    }
}
