package nngrade.report;

import nngrade.problem.Numbers;

import java.util.List;
import java.util.Map;

/** The class summary as Markdown, for CI step summaries. */
public final class SummaryMarkdown {
    /**
     * The students listed at most: GitHub refuses a job summary of over 1 MiB, and a class of
     * this many is a long page already; the rest are counted, and gradebook.csv has them all.
     */
    static final int MAX_STUDENTS = 1000;

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
        sb.append("| quantity | correct | carried forward | mean points |\n|---|---|---|---|\n");
        s.successRate().forEach((q, rate) -> sb.append("| `").append(q).append("` | ").append(Math.round(rate * 100))
                .append("% | ").append(Math.round(s.followThroughRate().get(q) * 100)).append("% | ")
                .append(Numbers.score(s.meanPoints().get(q))).append(" / ").append(Numbers.score(s.maxPoints().get(q)))
                .append(" |\n"));
        if (!s.diagnoses().isEmpty()) {
            sb.append("\n| most frequent mistakes | students |\n|---|---|\n");
            for (Map.Entry<String, Integer> e : s.diagnoses()) {
                sb.append("| ").append(Text.markdown(e.getKey())).append(" | ").append(e.getValue()).append(" |\n");
            }
        }
        List<ClassSummary.Student> attention = s.attention();
        if (!attention.isEmpty()) {
            sb.append("\n### Look at these before using their grades\n\n");
            for (ClassSummary.Student st : attention) {
                sb.append("- ").append(Text.markdown(st.id())).append(": ").append(Text.markdown(st.note())).append('\n');
            }
        }
        if (!s.students().isEmpty()) {
            boolean named = s.named();
            sb.append("\n### Students\n\n| id |").append(named ? " name |" : "").append(" status | score | note |\n|---|")
                    .append(named ? "---|" : "").append("---|---|---|\n");
            for (ClassSummary.Student st : s.students().subList(0, Math.min(MAX_STUDENTS, s.students().size()))) {
                sb.append("| ").append(Text.markdown(st.id())).append(" | ");
                if (named) {
                    sb.append(Text.markdown(st.name())).append(" | ");
                }
                sb.append(st.status()).append(" | ").append(Numbers.score(st.score())).append(" | ")
                        .append(Text.markdown(st.note())).append(" |\n");
            }
            if (s.students().size() > MAX_STUDENTS) {
                int more = s.students().size() - MAX_STUDENTS;
                sb.append("\n… and ").append(more).append(more == 1 ? " more student" : " more students")
                        .append(": gradebook.csv lists them all.\n");
            }
        }
        return sb.append('\n').toString();
    }
}
