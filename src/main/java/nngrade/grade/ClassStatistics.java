package nngrade.grade;

import nngrade.check.Status;
import nngrade.problem.Problem;
import nngrade.report.ClassSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The class summary computed from the final gradebook rows: only rows that count (a student of
 * the class, graded) enter the statistics, and every student is listed, with the row that
 * counts for them.
 */
public final class ClassStatistics {
    private ClassStatistics() {
    }

    /** Without reports to link or names to show. */
    public static ClassSummary of(Problem p, List<ClassRow> rows) {
        return of(p, rows.stream().map(r -> new Reconciler.Row(r, -1)).toList(), Optional.empty(), id -> "");
    }

    /**
     * @param linked the report format the summary links each student to, if reports were written
     * @param names  the roster's name of an id, "" when it has none
     */
    public static ClassSummary of(Problem p, List<Reconciler.Row> rows, Optional<ReportFormat> linked,
                                  Function<String, String> names) {
        double maxScore = p.maxScore();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RowStatus s : RowStatus.values()) {
            counts.put(s.label(), 0);
        }
        List<Double> scores = new ArrayList<>();
        int[] histogram = new int[ClassSummary.BINS];
        int n = p.ask().size();
        int[] correct = new int[n];
        int[] carried = new int[n];
        double[] points = new double[n];
        Map<String, Integer> diagnoses = new TreeMap<>();
        List<ClassSummary.Student> students = new ArrayList<>();
        for (Reconciler.Row row : rows) {
            ClassRow r = row.row();
            counts.merge(r.status().label(), 1, Integer::sum);
            if (r.status() != RowStatus.DUPLICATE) {
                String report = linked.isPresent() && row.reportName() != null
                        ? "reports/" + linked.get().fileName(row.reportName()) : null;
                students.add(new ClassSummary.Student(r.id(), names.apply(r.id()), r.status().label(), r.score(), report,
                        r.note(), r.flagged() || r.note().contains(ClassGrader.POSSIBLE_COPY)));
            }
            if (!r.counts()) {
                continue;
            }
            scores.add(r.score());
            double share = maxScore == 0 ? 1 : r.score() / maxScore;
            histogram[Math.min(ClassSummary.BINS - 1, (int) Math.floor(share * ClassSummary.BINS + 1e-9))]++;
            for (int i = 0; i < n; i++) {
                points[i] += r.points()[i];
                if (r.statuses()[i] == Status.CORRECT) {
                    correct[i]++;
                } else if (r.statuses()[i] == Status.FOLLOW_THROUGH) {
                    carried[i]++;
                }
                if (r.diagnoses()[i] != null) {
                    diagnoses.merge(p.ask().get(i).name() + ": " + r.diagnoses()[i], 1, Integer::sum);
                }
            }
        }
        Map<String, Double> success = new LinkedHashMap<>();
        Map<String, Double> followThrough = new LinkedHashMap<>();
        Map<String, Double> meanPoints = new LinkedHashMap<>();
        Map<String, Double> maxPoints = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String q = p.ask().get(i).name();
            success.put(q, scores.isEmpty() ? 0 : (double) correct[i] / scores.size());
            followThrough.put(q, scores.isEmpty() ? 0 : (double) carried[i] / scores.size());
            meanPoints.put(q, scores.isEmpty() ? 0 : points[i] / scores.size());
            maxPoints.put(q, p.points().of(p.ask().get(i)));
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(diagnoses.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        List<Double> sorted = scores.stream().sorted().toList();
        double median = sorted.isEmpty() ? 0 : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new ClassSummary(p.id(), p.title(), maxScore, counts, scores.size(), mean, median, histogram,
                success, followThrough, top.subList(0, Math.min(20, top.size())), meanPoints, maxPoints, students);
    }
}
