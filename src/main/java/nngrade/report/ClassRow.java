package nngrade.report;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;

import java.util.List;

/**
 * One line of a gradebook, kept small so a class of 100,000 fits in memory: per asked
 * quantity only its status, points and diagnosis codes.
 *
 * @param file       the submission file ("" for a student without one)
 * @param note       why the row is what it is (the reason a file is invalid, which file counted)
 * @param statuses   per asked quantity, in the problem's order; empty unless graded
 * @param points     likewise
 * @param diagnoses  likewise, codes joined by "+", or null
 */
public record ClassRow(String id, RowStatus status, String file, String note, double score, double maxScore,
                       Status[] statuses, double[] points, String[] diagnoses) {

    /** What became of one student or one input file. */
    public enum RowStatus {
        GRADED("graded"), INVALID("invalid"), DUPLICATE("duplicate"), MISSING("missing"), UNKNOWN("unknown");

        private final String label;

        RowStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ClassRow of(CheckResult r, RowStatus status, String note) {
        List<QuantityResult> qs = r.quantities();
        Status[] statuses = new Status[qs.size()];
        double[] points = new double[qs.size()];
        String[] diagnoses = new String[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
            QuantityResult q = qs.get(i);
            statuses[i] = q.status();
            points[i] = q.points();
            diagnoses[i] = q.diagnoses().isEmpty() ? null : String.join("+", q.diagnoses()).intern();
        }
        return new ClassRow(r.student(), status, r.source(), note, r.score(), r.maxScore(), statuses, points, diagnoses);
    }

    /** A row without grades: missing student, or unreadable file. */
    public static ClassRow ungraded(String id, RowStatus status, String file, String note, double maxScore) {
        return new ClassRow(id, status, file, note, 0, maxScore, new Status[0], new double[0], new String[0]);
    }

    public boolean graded() {
        return statuses.length > 0;
    }

    /** Whether the row counts toward class statistics (one per student, graded). */
    public boolean counts() {
        return graded() && (status == RowStatus.GRADED || status == RowStatus.UNKNOWN);
    }

    public ClassRow with(RowStatus newStatus, String newNote) {
        return new ClassRow(id, newStatus, file, newNote, score, maxScore, statuses, points, diagnoses);
    }
}
