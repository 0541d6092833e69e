package nngrade.check;

import nngrade.problem.Matrix;
import nngrade.problem.Quantity;
import nngrade.problem.Tolerance;

import java.util.List;

/**
 * How one asked quantity was graded.
 *
 * @param name        the name the student used, or the spec's name if they did not answer
 * @param submitted   what the student wrote (null if missing or unreadable)
 * @param expected    the key's value
 * @param cells       every cell compared (empty when the shapes differ)
 * @param diagnoses   codes of the mistakes that explain a wrong answer
 * @param carriedFrom the student's earlier answers the follow-through value was computed
 *                    from, when the status or a diagnosis rests on that value
 * @param ownMisses   for a wrong answer that is consistent with the student's own earlier
 *                    answers in most cells: the cells where it is not (expected = follow-through)
 * @param formula     the formula to re-check, in the problem's layout
 * @param problems    why the answer could not be read (status invalid)
 */
public record QuantityResult(
        Quantity quantity,
        String name,
        Status status,
        double points,
        double maxPoints,
        Matrix submitted,
        Matrix expected,
        Tolerance tolerance,
        List<CellResult> cells,
        List<String> diagnoses,
        List<String> carriedFrom,
        List<CellResult> ownMisses,
        String formula,
        List<String> problems) {

    public QuantityResult {
        cells = List.copyOf(cells);
        diagnoses = List.copyOf(diagnoses);
        carriedFrom = List.copyOf(carriedFrom);
        ownMisses = List.copyOf(ownMisses);
        problems = List.copyOf(problems);
    }

    /**
     * Whether a CI system should show the quantity as passed: correct, or carried forward from
     * the student's own earlier answers with every point earned. A test that fails while the
     * gradebook gives full marks would send a student hunting for a mistake that costs nothing.
     */
    public boolean passed() {
        return status == Status.CORRECT || (status == Status.FOLLOW_THROUGH && points >= maxPoints);
    }

    /** The same grading with other points (the teacher's override): the marks and feedback stay as they were. */
    public QuantityResult withPoints(double newPoints) {
        return new QuantityResult(quantity, name, status, newPoints, maxPoints, submitted, expected, tolerance, cells,
                diagnoses, carriedFrom, ownMisses, formula, problems);
    }

    public List<CellResult> wrongCells() {
        return cells.stream().filter(c -> !c.correct()).toList();
    }

    public boolean shapeMatches() {
        return submitted != null && submitted.sameShape(expected);
    }
}
