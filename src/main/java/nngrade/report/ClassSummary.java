package nngrade.report;

import java.util.List;
import java.util.Map;

/**
 * Class statistics, as the summaries show them: how many of each row status, the distribution
 * of scores, the success rate of each asked quantity, and the most frequent diagnoses
 * (computed from the gradebook rows by {@code nngrade.grade.ClassStatistics}).
 *
 * @param histogram    students per tenth of the maximum score (the last bin includes 100%)
 * @param successRate  per asked quantity: share of graded students with it correct
 * @param diagnoses    "quantity: code" and how often, most frequent first
 */
public record ClassSummary(String problem, String title, double maxScore, Map<String, Integer> counts,
                           int graded, double mean, double median, int[] histogram,
                           Map<String, Double> successRate, Map<String, Double> followThroughRate,
                           List<Map.Entry<String, Integer>> diagnoses) {

    public static final int BINS = 10;
}
