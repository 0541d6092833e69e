package nngrade.report;

import nngrade.problem.Numbers;

import java.util.Map;

/** The class summary as Markdown, for CI step summaries. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(ClassSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append("## nngrade · ").append(Text.markdown(s.problem())).append("\n\n");
        sb.append("| ");
        s.counts().forEach((k, v) -> sb.append(k).append(" | "));
        sb.append("\n|");
        s.counts().forEach((k, v) -> sb.append("---|"));
        sb.append("\n| ");
        s.counts().forEach((k, v) -> sb.append(v).append(" | "));
        sb.append("\n\nMean ").append(Numbers.score(s.mean())).append(", median ").append(Numbers.score(s.median()))
                .append(" of ").append(Numbers.score(s.maxScore())).append(" points.\n\n");
        sb.append("| quantity | correct | carried forward |\n|---|---|---|\n");
        s.successRate().forEach((q, rate) -> sb.append("| `").append(q).append("` | ").append(Math.round(rate * 100))
                .append("% | ").append(Math.round(s.followThroughRate().get(q) * 100)).append("% |\n"));
        if (!s.diagnoses().isEmpty()) {
            sb.append("\n| most frequent mistakes | students |\n|---|---|\n");
            for (Map.Entry<String, Integer> e : s.diagnoses()) {
                sb.append("| ").append(Text.markdown(e.getKey())).append(" | ").append(e.getValue()).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }
}
