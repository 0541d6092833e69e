package nngrade.report.worked;

import nngrade.problem.Problem;

import java.util.List;

/**
 * A problem's solution written out as the lecture notes do: each quantity asked, and the ones
 * the chain needs on the way, with its formula, the numbers put in and the result. Pure values:
 * the renderers (Markdown now; HTML and LaTeX later) only write them.
 */
public record WorkedSolution(Problem problem, List<WorkedStep> steps) {
    public WorkedSolution {
        steps = List.copyOf(steps);
    }
}
