package nngrade.report;

import nngrade.report.html.JtesummaryGenerated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** summary.html: the class at a glance, charts drawn as inline SVG (template src/main/jte/summary.jte). */
public final class SummaryHtml {
    private SummaryHtml() {
    }

    /** What the page shows, texts as they are (the template escapes) and the charts' geometry worked out. */
    public record Page(String title, String heading, String problem, Map<String, Integer> counts, String mean,
                       String median, String maxScore, int graded, Histogram histogram, Bars bars,
                       List<Mistake> mistakes, List<Points> points, List<Student> attention, boolean named,
                       List<Student> students) {
    }

    /** An asked quantity's mean points over the graded students, and what it is worth. */
    public record Points(String quantity, String mean, String max) {
    }

    /**
     * A student's row of the list.
     *
     * @param href their report, relative to the page, or null
     */
    public record Student(String id, String name, String status, String score, String href, String note) {
    }

    /** The score distribution: a bar per bin above an axis from x = 30 to {@code axisEnd}, at y = 180. */
    public record Histogram(int width, int height, int axisEnd, List<Bin> bins) {
    }

    /**
     * One bin's bar ({@code x, y, width, height}), its count above it at {@code countY} and its
     * range below it, both centred on {@code labelX}.
     *
     * @param range e.g. "10–20" (per cent of the maximum score)
     */
    public record Bin(int x, int y, int width, int height, String range, int students, int labelX, int countY) {
    }

    /** Success rate per quantity: a row each, {@code height} in all. */
    public record Bars(int height, List<Bar> rows) {
    }

    /**
     * One quantity's row: its name at {@code textY}, a green bar for the share correct and an
     * amber one after it for the share carried forward (numbers as SVG lengths), and the label.
     */
    public record Bar(String quantity, int textY, int barY, String correctWidth, String carriedX, String carriedWidth,
                      String label) {
    }

    /** A frequent mistake: how many students made it. */
    public record Mistake(String quantity, String diagnosis, int students) {
    }

    public static String render(ClassSummary s) {
        List<Mistake> mistakes = new ArrayList<>(s.diagnoses().size());
        for (Map.Entry<String, Integer> e : s.diagnoses()) {
            String[] parts = e.getKey().split(": ", 2);
            mistakes.add(new Mistake(parts[0], parts[1], e.getValue()));
        }
        List<Points> points = new ArrayList<>(s.meanPoints().size());
        s.meanPoints().forEach((q, mean) -> points.add(new Points(q, num(mean), num(s.maxPoints().get(q)))));
        Page page = new Page("Class summary · " + s.problem(), s.title(), s.problem(), s.counts(), num(s.mean()),
                num(s.median()), num(s.maxScore()), s.graded(), histogram(s.histogram()),
                bars(s.successRate(), s.followThroughRate()), mistakes, points, students(s.attention()), s.named(),
                students(s.students()));
        PageOutput out = new PageOutput();
        JtesummaryGenerated.render(out, null, page);
        return out.toString();
    }

    private static List<Student> students(List<ClassSummary.Student> students) {
        List<Student> rows = new ArrayList<>(students.size());
        for (ClassSummary.Student st : students) {
            rows.add(new Student(st.id(), st.name(), st.status(), num(st.score()), st.report(), st.note()));
        }
        return rows;
    }

    private static Histogram histogram(int[] bins) {
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        int w = 600;
        int h = 220;
        int barW = (w - 40) / bins.length;
        List<Bin> drawn = new ArrayList<>(bins.length);
        for (int i = 0; i < bins.length; i++) {
            // The tallest bar is 160 high, standing on the axis at y = 180.
            int bh = (int) Math.round(160.0 * bins[i] / max);
            int x = 30 + i * barW;
            drawn.add(new Bin(x + 2, 180 - bh, barW - 4, bh, i * 10 + "–" + (i + 1) * 10, bins[i], x + barW / 2,
                    175 - bh));
        }
        return new Histogram(w, h, w - 10, drawn);
    }

    private static Bars bars(Map<String, Double> success, Map<String, Double> carried) {
        int rowH = 26;
        List<Bar> rows = new ArrayList<>(success.size());
        int i = 0;
        for (Map.Entry<String, Double> e : success.entrySet()) {
            int y = 5 + i * rowH;
            double ok = e.getValue();
            double ft = carried.getOrDefault(e.getKey(), 0.0);
            // A share of 1 is 320 wide, from x = 90.
            rows.add(new Bar(e.getKey(), y + 16, y + 3, num(320 * ok), num(90 + 320 * ok), num(320 * ft),
                    Math.round(ok * 100) + "% correct" + (ft > 0 ? ", " + Math.round(ft * 100) + "% carried" : "")));
            i++;
        }
        return new Bars(success.size() * rowH + 10, rows);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v); // most scores are whole: a table of 100,000 students formats fast
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
