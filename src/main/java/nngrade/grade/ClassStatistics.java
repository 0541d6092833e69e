package nngrade.grade;

import nngrade.check.Status;
import nngrade.problem.Problem;
import nngrade.report.ClassSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The class summary computed from the final gradebook rows: only rows that count (one per graded student) enter the statistics. */
public final class ClassStatistics {
    private ClassStatistics() {
    }

    public static ClassSummary of(Problem p, List<ClassRow> rows) {
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
        Map<String, Integer> diagnoses = new TreeMap<>();
        for (ClassRow r : rows) {
            counts.merge(r.status().label(), 1, Integer::sum);
            if (!r.counts()) {
                continue;
            }
            scores.add(r.score());
            double share = maxScore == 0 ? 1 : r.score() / maxScore;
            histogram[Math.min(ClassSummary.BINS - 1, (int) Math.floor(share * ClassSummary.BINS + 1e-9))]++;
            for (int i = 0; i < n; i++) {
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
        for (int i = 0; i < n; i++) {
            success.put(p.ask().get(i).name(), scores.isEmpty() ? 0 : (double) correct[i] / scores.size());
            followThrough.put(p.ask().get(i).name(), scores.isEmpty() ? 0 : (double) carried[i] / scores.size());
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(diagnoses.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        List<Double> sorted = scores.stream().sorted().toList();
        double median = sorted.isEmpty() ? 0 : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new ClassSummary(p.id(), p.title(), maxScore, counts, scores.size(), mean, median, histogram,
                success, followThrough, top.subList(0, Math.min(20, top.size())));
    }
}
