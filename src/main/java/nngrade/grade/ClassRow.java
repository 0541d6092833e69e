package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One line of a gradebook, kept small so a class of 100,000 fits in memory: per asked
 * quantity only its status, points and diagnosis codes.
 *
 * @param file       the submission file ("" for a student without one)
 * @param note       why the row is what it is (the reason a file is invalid, which file counted)
 * @param statuses   per asked quantity, in the problem's order; empty unless graded
 * @param points     likewise
 * @param diagnoses  likewise, codes joined by "+", or null
 * @param flagged    whether the teacher must look before the grade is used (a file that claims
 *                   to be another student's, two files claiming one id): grade then exits 1
 */
public record ClassRow(String id, RowStatus status, String file, String note, double score, double maxScore,
                       Status[] statuses, double[] points, String[] diagnoses, boolean flagged) {

    public ClassRow(String id, RowStatus status, String file, String note, double score, double maxScore,
                    Status[] statuses, double[] points, String[] diagnoses) {
        this(id, status, file, note, score, maxScore, statuses, points, diagnoses, false);
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

    /**
     * Makes rows that share their per-quantity arrays with earlier rows of the same marks. A
     * class makes a few hundred patterns of marks at most (100 for 100,000 generated
     * submissions), so the arrays of a large class cost kilobytes instead of ~170 bytes a row
     * (17 MB for 100,000). Patterns past the first 10,000 are kept unshared, which bounds the
     * table when every row differs. Safe to use from several threads.
     */
    public static final class Sharing {
        private static final int MAX_PATTERNS = 10_000;

        private record Marks(Status[] statuses, double[] points, String[] diagnoses) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Marks m && Arrays.equals(statuses, m.statuses) && Arrays.equals(points, m.points)
                        && Arrays.equals(diagnoses, m.diagnoses);
            }

            @Override
            public int hashCode() {
                return 31 * (31 * Arrays.hashCode(statuses) + Arrays.hashCode(points)) + Arrays.hashCode(diagnoses);
            }
        }

        private final ConcurrentHashMap<Marks, Marks> patterns = new ConcurrentHashMap<>();

        public ClassRow of(CheckResult r, RowStatus status, String note) {
            ClassRow row = ClassRow.of(r, status, note);
            Marks mine = new Marks(row.statuses, row.points, row.diagnoses);
            Marks shared = patterns.size() < MAX_PATTERNS ? patterns.putIfAbsent(mine, mine) : patterns.get(mine);
            return shared == null ? row
                    : new ClassRow(row.id, status, row.file, note, row.score, row.maxScore, shared.statuses,
                            shared.points, shared.diagnoses);
        }
    }

    /** A row without grades: missing student, or unreadable file. */
    public static ClassRow ungraded(String id, RowStatus status, String file, String note, double maxScore) {
        return new ClassRow(id, status, file, note, 0, maxScore, new Status[0], new double[0], new String[0]);
    }

    public boolean graded() {
        return statuses.length > 0;
    }

    /**
     * Whether the row counts toward class statistics: a student of the class whose file was
     * graded. An unknown row (a file of an id not on the roster) is graded and reported, but it is
     * not one of the class's students until the teacher says whose it is.
     */
    public boolean counts() {
        return graded() && status == RowStatus.GRADED;
    }

    public ClassRow with(RowStatus newStatus, String newNote) {
        return new ClassRow(id, newStatus, file, newNote, score, maxScore, statuses, points, diagnoses, flagged);
    }

    /** This row, for the teacher to look at, saying why. */
    public ClassRow flagged(String why) {
        return new ClassRow(id, status, file, note.isEmpty() ? why : why + "; " + note, score, maxScore, statuses, points,
                diagnoses, true);
    }
}
