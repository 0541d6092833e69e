package nngrade.grade;

import nngrade.problem.Problem;
import nngrade.report.ClassSummary;
import nngrade.report.JunitXml;
import nngrade.report.ReportOptions;
import nngrade.report.SummaryHtml;
import nngrade.report.SummaryJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a class run's files where they belong, through an {@link Output}: reports are staged
 * while grading (on the report writer thread), then moved to their final names, then
 * published with the gradebook, the summaries and the CI files.
 */
final class Publisher implements AutoCloseable {
    private final Output output;
    private final List<ReportFormat> formats;
    private final ReportWriter writer;
    private boolean staging = true;

    Publisher(Output output, List<ReportFormat> formats) {
        this.output = output;
        this.formats = formats;
        this.writer = new ReportWriter(output);
    }

    /** Queues {@code text} as a staged file; safe from any grader thread. */
    void stage(String name, String text) {
        writer.write(name, text);
    }

    /** Where a file's report in format {@code f} is staged: under its claimed name in reports/, else under its index. */
    static String stagedReport(int index, String claimed, ReportFormat f) {
        return claimed != null ? "reports/" + f.fileName(claimed) : f.fileName(Integer.toString(index));
    }

    static String stagedSuite(int index) {
        return index + ".junit";
    }

    static final String GRADESCOPE = "gradescope.json";

    /** Waits until every staged file is written; throws what failed. */
    void finishStaging() {
        writer.close();
        staging = false;
    }

    /** Moves reports to their final names: out of the way first, then into place, as a name taken while grading may be another's final name. */
    void place(List<Reconciler.Placement> placements) {
        for (Reconciler.Placement p : placements) {
            if (p.claimed() != null) {
                for (ReportFormat f : formats) {
                    output.restage(stagedReport(p.index(), p.claimed(), f), stagedReport(p.index(), null, f));
                }
            }
        }
        for (Reconciler.Placement p : placements) {
            for (ReportFormat f : formats) {
                output.restage(stagedReport(p.index(), null, f), "reports/" + f.fileName(p.reportName()));
            }
        }
    }

    /**
     * Publishes the gradebook, the summaries and the CI files with the reports folder.
     *
     * @param junit      whether JUnit XML was asked for: a testsuite per counted file, in gradebook order
     * @param gradescope whether results.json was asked for
     */
    void publish(Problem p, Reconciler.Reconciliation rec, ClassSummary summary, ReportOptions options,
                 boolean junit, boolean gradescope) {
        publish(p, rec, summary, options, junit, gradescope, Map.of());
    }

    /** As above, with more artifacts made elsewhere (changes.csv). */
    void publish(Problem p, Reconciler.Reconciliation rec, ClassSummary summary, ReportOptions options,
                 boolean junit, boolean gradescope, Map<Artifact, String> more) {
        Map<Artifact, String> artifacts = new EnumMap<>(Artifact.class);
        artifacts.putAll(more);
        artifacts.put(Artifact.SUMMARY_JSON, SummaryJson.render(summary));
        artifacts.put(Artifact.SUMMARY_HTML, SummaryHtml.render(summary));
        if (junit) {
            artifacts.put(Artifact.JUNIT_XML, junit(p, rec, options));
        }
        if (gradescope) {
            artifacts.put(Artifact.GRADESCOPE, output.staged(GRADESCOPE));
        }
        StringWriter csv = new StringWriter();
        Gradebook.write(csv, p, rec.classRows());
        artifacts.put(Artifact.GRADEBOOK, csv.toString());
        output.publish(artifacts);
    }

    /** The JUnit document from the staged per-file suites: a duplicate's suite is left out, as its grade does not count. */
    private String junit(Problem p, Reconciler.Reconciliation rec, ReportOptions options) {
        StringWriter w = new StringWriter();
        try (JunitXml x = new JunitXml(w, options, p.id())) {
            for (Reconciler.Row r : rec.rows()) {
                if (r.index() >= 0 && r.row().status() != RowStatus.DUPLICATE) {
                    x.addSuite(output.staged(stagedSuite(r.index())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /**
     * Stops the writer if grading failed before {@link #finishStaging} did its work: then a
     * failure is in flight, and it is the one to report. The writer's own failure is dropped
     * here because it is often that same exception (a grader hit it first), which
     * try-with-resources cannot add to itself as suppressed.
     */
    @Override
    public void close() {
        if (staging) {
            staging = false;
            try {
                writer.close();
            } catch (RuntimeException | Error alreadyInFlight) { // see above
            }
        }
    }
}
