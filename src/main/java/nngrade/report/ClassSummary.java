package nngrade.report;

import java.util.List;
import java.util.Map;

/**
 * Class statistics, as the summaries show them: how many of each row status, the distribution
 * of scores, the success rate and mean points of each asked quantity, the most frequent
 * diagnoses, and every student (computed from the gradebook rows by
 * {@code nngrade.grade.ClassStatistics}).
 *
 * @param graded       the students the statistics are over: rows of status graded
 * @param histogram    students per tenth of the maximum score (the last bin includes 100%)
 * @param successRate  per asked quantity: share of graded students with it correct
 * @param diagnoses    "quantity: code" and how often, most frequent first
 * @param meanPoints   per asked quantity: the mean points of the graded students
 * @param maxPoints    per asked quantity: what it is worth
 * @param students     a row per student (per id: the gradebook's row that counts), in the gradebook's order
 */
public record ClassSummary(String problem, String title, double maxScore, Map<String, Integer> counts,
                           int graded, double mean, double median, int[] histogram,
                           Map<String, Double> successRate, Map<String, Double> followThroughRate,
                           List<Map.Entry<String, Integer>> diagnoses, Map<String, Double> meanPoints,
                           Map<String, Double> maxPoints, List<Student> students) {

    public static final int BINS = 10;

    public ClassSummary {
        students = List.copyOf(students);
    }

    /**
     * One student as the summaries list them.
     *
     * @param name      the roster's name for them, "" when it has none
     * @param status    the gradebook's status word
     * @param report    their report, relative to the summary ({@code reports/ana.html}), or null when none was written
     * @param note      the gradebook's note: why a file is invalid, a student missing, a row flagged
     * @param attention whether the teacher should look before using the grade: a row flagged (a file
     *                  claiming another's place, a variant code of another student) or a possible copy
     */
    public record Student(String id, String name, String status, double score, String report, String note,
                          boolean attention) {
    }

    /** The students the teacher should look at, in the gradebook's order. */
    public List<Student> attention() {
        return students.stream().filter(Student::attention).toList();
    }

    /** Whether any student has a name (the summaries then show a column of names). */
    public boolean named() {
        return students.stream().anyMatch(s -> !s.name().isEmpty());
    }
}
