package nngrade.report;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.input.InputError;
import nngrade.problem.Numbers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JUnit XML as CI servers read it: a testsuite per student, a testcase per asked quantity,
 * the feedback in the failure message. Written incrementally, one student at a time.
 */
public final class JunitXml implements AutoCloseable {
    private final Writer out;
    private final ReportOptions options;

    public JunitXml(Writer out, ReportOptions options, String name) throws IOException {
        this.out = out;
        this.options = options;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + Text.xmlAttribute(name) + "\">\n");
    }

    public void add(CheckResult r) throws IOException {
        out.write(suite(r, options));
    }

    /** Adds a testsuite made by {@link #suite} (for suites rendered apart and assembled in another order). */
    public void addSuite(String suite) throws IOException {
        out.write(suite);
    }

    /** One student's testsuite element, indented to sit in the document. */
    public static String suite(CheckResult r, ReportOptions options) {
        StringBuilder sb = new StringBuilder();
        long failures = r.quantities().stream().filter(q -> !q.passed()).count();
        String suite = Text.xmlAttribute(r.student());
        if (!r.graded()) {
            sb.append("  <testsuite name=\"").append(suite).append("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n");
            sb.append("    <testcase classname=\"").append(suite).append("\" name=\"read submission\">\n");
            StringBuilder msg = new StringBuilder();
            for (InputError e : r.errors()) {
                msg.append(e.oneLine()).append('\n');
            }
            sb.append("      <error message=\"").append(Text.xmlAttribute(firstLine(msg.toString()))).append("\" type=\"invalid\">")
                    .append(Text.xml(msg.toString())).append("</error>\n    </testcase>\n  </testsuite>\n");
            return sb.toString();
        }
        sb.append("  <testsuite name=\"").append(suite).append("\" tests=\"").append(r.quantities().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        // the grade itself, for CI tools that total points rather than count tests
        sb.append("    <properties>\n      <property name=\"score\" value=\"").append(Numbers.score(r.score()))
                .append("\"/>\n      <property name=\"maxScore\" value=\"").append(Numbers.score(r.maxScore()))
                .append("\"/>\n    </properties>\n");
        for (QuantityResult q : r.quantities()) {
            sb.append("    <testcase classname=\"").append(suite).append("\" name=\"")
                    .append(Text.xmlAttribute(q.quantity().name())).append("\">\n");
            if (!q.passed()) {
                String details = String.join("\n", Feedback.details(r, q, options));
                String points = options.messages().get("failure.points", q.status().label(),
                        options.messages().points(q.points()), options.messages().count(q.maxPoints()));
                sb.append("      <failure message=\"").append(Text.xmlAttribute(points + ". " + firstLine(details)))
                        .append("\" type=\"").append(q.status().label()).append("\">").append(Text.xml(details))
                        .append("</failure>\n");
            }
            sb.append("    </testcase>\n");
        }
        sb.append("  </testsuite>\n");
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        out.write("</testsuites>\n");
        out.close();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Renders one result as a whole document (for tests and single checks). */
    public static String render(CheckResult r, ReportOptions o) {
        StringWriter w = new StringWriter();
        try (JunitXml x = new JunitXml(w, o, r.problem())) {
            x.add(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
