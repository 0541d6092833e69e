package nngrade.report;

import nngrade.check.CheckResult;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.InputError;
import nngrade.problem.Numbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

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
        long failures = r.quantities().stream().filter(q -> q.status() != Status.CORRECT).count();
        String suite = Text.xmlAttribute(r.student());
        if (!r.graded()) {
            out.write("  <testsuite name=\"" + suite + "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n");
            out.write("    <testcase classname=\"" + suite + "\" name=\"read submission\">\n");
            StringBuilder msg = new StringBuilder();
            for (InputError e : r.errors()) {
                msg.append(e.oneLine()).append('\n');
            }
            out.write("      <error message=\"" + Text.xmlAttribute(firstLine(msg.toString())) + "\" type=\"invalid\">"
                    + Text.xml(msg.toString()) + "</error>\n    </testcase>\n  </testsuite>\n");
            return;
        }
        out.write("  <testsuite name=\"" + suite + "\" tests=\"" + r.quantities().size() + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">\n");
        for (QuantityResult q : r.quantities()) {
            out.write("    <testcase classname=\"" + suite + "\" name=\"" + Text.xmlAttribute(q.quantity().name()) + "\">\n");
            if (q.status() != Status.CORRECT) {
                String details = String.join("\n", Feedback.details(r, q, options));
                String points = String.format(Locale.ROOT, "%s: %s of %s points", q.status().label(),
                        Numbers.score(q.points()), Numbers.score(q.maxPoints()));
                out.write("      <failure message=\"" + Text.xmlAttribute(points + ". " + firstLine(details)) + "\" type=\""
                        + q.status().label() + "\">" + Text.xml(details) + "</failure>\n");
            }
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n");
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
        java.io.StringWriter w = new java.io.StringWriter();
        try (JunitXml x = new JunitXml(w, o, r.problem())) {
            x.add(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
