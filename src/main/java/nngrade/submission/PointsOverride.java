package nngrade.submission;

/**
 * One of the teacher's decisions in an overrides file ({@code --overrides}): a student's points
 * for one asked quantity, or their total, set by hand.
 *
 * @param source   the file, as the teacher named it
 * @param line     the line it is on
 * @param id       the student, as the gradebook names them
 * @param quantity the asked quantity's name as the problem spells it, or null for the total
 * @param points   the points to give, from 0 to what the quantity (or the problem) is worth
 * @param reason   why, one line as written; "" when none was given
 */
public record PointsOverride(String source, int line, String id, String quantity, double points, String reason) {

    /** Whether it sets the total rather than one quantity's points. */
    public boolean total() {
        return quantity == null;
    }
}
