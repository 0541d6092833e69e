package nngrade.report;

import java.util.Locale;
import java.util.Map;

/** summary.html: the class at a glance, charts drawn as inline SVG. */
public final class SummaryHtml {
    private SummaryHtml() {
    }

    public static String render(ClassSummary s) {
        StringBuilder sb = new StringBuilder();
        Html.open(sb, "en", "Class summary · " + s.problem());
        sb.append("<h1>").append(Text.html(s.title())).append("</h1>\n");
        sb.append("<p class=\"who\">").append(Text.html(s.problem())).append("</p>\n");
        sb.append("<table class=\"t\"><tr>");
        s.counts().forEach((k, v) -> sb.append("<th>").append(k).append("</th>"));
        sb.append("</tr><tr>");
        s.counts().forEach((k, v) -> sb.append("<td>").append(v).append("</td>"));
        sb.append("</tr></table>\n");
        sb.append("<p>Mean ").append(num(s.mean())).append(" · median ").append(num(s.median())).append(" of ")
                .append(num(s.maxScore())).append(" points (").append(s.graded()).append(" students graded)</p>\n");

        sb.append("<h2>Score distribution</h2>\n");
        histogram(sb, s.histogram());

        sb.append("<h2>Success rate per quantity</h2>\n");
        bars(sb, s.successRate(), s.followThroughRate());

        sb.append("<h2>Most frequent mistakes</h2>\n");
        if (s.diagnoses().isEmpty()) {
            sb.append("<p>No diagnosed mistakes.</p>\n");
        } else {
            sb.append("<table class=\"t\"><tr><th>quantity</th><th>diagnosis</th><th>students</th></tr>\n");
            for (Map.Entry<String, Integer> e : s.diagnoses()) {
                String[] parts = e.getKey().split(": ", 2);
                sb.append("<tr><td class=\"code\">").append(Text.html(parts[0])).append("</td><td>")
                        .append(Text.html(parts[1])).append("</td><td>").append(e.getValue()).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        Html.close(sb);
        return sb.toString();
    }

    private static void histogram(StringBuilder sb, int[] bins) {
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        int w = 600;
        int h = 220;
        int barW = (w - 40) / bins.length;
        sb.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"score distribution\">\n");
        for (int i = 0; i < bins.length; i++) {
            int bh = (int) Math.round(160.0 * bins[i] / max);
            int x = 30 + i * barW;
            sb.append("<rect x=\"").append(x + 2).append("\" y=\"").append(180 - bh).append("\" width=\"").append(barW - 4)
                    .append("\" height=\"").append(bh).append("\" fill=\"#0969da\"><title>").append(i * 10).append("–")
                    .append((i + 1) * 10).append("%: ").append(bins[i]).append("</title></rect>\n");
            sb.append("<text x=\"").append(x + barW / 2).append("\" y=\"").append(175 - bh)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">").append(bins[i]).append("</text>\n");
            sb.append("<text x=\"").append(x + barW / 2).append("\" y=\"198\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(i * 10).append("–").append((i + 1) * 10).append("%</text>\n");
        }
        sb.append("<line x1=\"30\" y1=\"180\" x2=\"").append(w - 10).append("\" y2=\"180\" stroke=\"#57606a\"/>\n</svg>\n");
    }

    private static void bars(StringBuilder sb, Map<String, Double> success, Map<String, Double> carried) {
        int rowH = 26;
        int h = success.size() * rowH + 10;
        sb.append("<svg viewBox=\"0 0 640 ").append(h).append("\" role=\"img\" aria-label=\"success rate per quantity\">\n");
        int i = 0;
        for (Map.Entry<String, Double> e : success.entrySet()) {
            int y = 5 + i * rowH;
            double ok = e.getValue();
            double ft = carried.getOrDefault(e.getKey(), 0.0);
            sb.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(Text.html(e.getKey())).append("</text>\n");
            sb.append("<rect x=\"90\" y=\"").append(y + 3).append("\" width=\"").append(num(320 * ok))
                    .append("\" height=\"18\" fill=\"#1a7f37\"/>\n");
            sb.append("<rect x=\"").append(num(90 + 320 * ok)).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(num(320 * ft)).append("\" height=\"18\" fill=\"#bf8700\"/>\n");
            sb.append("<text x=\"420\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(Math.round(ok * 100))
                    .append("% correct").append(ft > 0 ? ", " + Math.round(ft * 100) + "% carried" : "").append("</text>\n");
            i++;
        }
        sb.append("</svg>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
