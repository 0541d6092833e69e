package nngrade.grade;

import nngrade.check.Status;
import nngrade.input.BadInputException;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.report.ClassSummary;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staging, renaming and publishing through an in-memory output: no files, no command line. */
class PublisherTest {
    private static final Problem P = ProblemLoader.load(Path.of("problems", "notes-softmax-step.json"));
    private static final ReportOptions OPTIONS = new ReportOptions(new Messages(Messages.Lang.en), false, false, false);
    private static final List<ReportFormat> HTML_JSON = List.of(ReportFormat.html, ReportFormat.json);

    private static GradedFile file(int index, String id, String path, long modified, String claimed) {
        int n = P.ask().size();
        Status[] statuses = new Status[n];
        Arrays.fill(statuses, Status.CORRECT);
        double[] points = new double[n];
        Arrays.fill(points, 1);
        ClassRow row = new ClassRow(id, RowStatus.GRADED, path, "", n, n, statuses, points, new String[n]);
        return new GradedFile(index, row, FileTime.fromMillis(modified), path.replaceAll(".*/|\\.json$", ""), claimed);
    }

    @Test
    void aReportStagedUnderAnotherFilesFinalNameIsMovedOutOfTheWayFirst() {
        // ana's first file took "ana" while grading, but her second (newer) file counts and gets "ana";
        // the first must become "ana--ana" without either report overwriting the other.
        MemoryOutput out = new MemoryOutput();
        List<GradedFile> graded = List.of(file(0, "ana", "a/ana.json", 1, "ana"), file(1, "ana", "b/ana.json", 2, null));
        try (Publisher publisher = new Publisher(out, HTML_JSON)) {
            for (ReportFormat f : HTML_JSON) {
                publisher.stage(Publisher.stagedReport(0, "ana", f), "first " + f);
                publisher.stage(Publisher.stagedReport(1, null, f), "second " + f);
            }
            publisher.finishStaging();
            assertEquals(List.of("reports/ana.html", "1.html", "reports/ana.json", "1.json"), out.stagedOrder);
            Reconciler.Reconciliation rec = Reconciler.reconcile(graded, Optional.empty(), 8, true, IdSource.LAYOUT);
            publisher.place(rec.placements());
            publisher.publish(P, rec, ClassStatistics.of(P, rec.classRows()), OPTIONS, false, false);
        }
        assertEquals(Map.of("ana.html", "second html", "ana.json", "second json",
                "ana--ana.html", "first html", "ana--ana.json", "first json"), out.reports);
    }

    @Test
    void theGradebookIsPublishedLastAndJunitHoldsTheCountedFilesInGradebookOrder() {
        MemoryOutput out = new MemoryOutput();
        List<GradedFile> graded = List.of(file(0, "ion", "ion.json", 1, null), file(1, "ana", "a/ana.json", 1, null),
                file(2, "ana", "b/ana.json", 2, null));
        try (Publisher publisher = new Publisher(out, List.of())) {
            publisher.stage(Publisher.stagedSuite(0), "  <testsuite name=\"ion\"/>\n");
            publisher.stage(Publisher.stagedSuite(1), "  <testsuite name=\"ana (old)\"/>\n");
            publisher.stage(Publisher.stagedSuite(2), "  <testsuite name=\"ana\"/>\n");
            publisher.stage(Publisher.GRADESCOPE, "{}");
            publisher.finishStaging();
            Reconciler.Reconciliation rec = Reconciler.reconcile(graded, Optional.empty(), 8, false, IdSource.LAYOUT);
            ClassSummary summary = ClassStatistics.of(P, rec.classRows());
            publisher.publish(P, rec, summary, OPTIONS, true, true);
        }
        assertEquals(List.of("reports/", "SUMMARY_JSON", "SUMMARY_HTML", "JUNIT_XML", "GRADESCOPE", "GRADEBOOK"), out.order);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"notes-softmax-step\">\n"
                + "  <testsuite name=\"ana\"/>\n  <testsuite name=\"ion\"/>\n</testsuites>\n", out.published.get(Artifact.JUNIT_XML));
        assertEquals("{}", out.published.get(Artifact.GRADESCOPE));
        List<String> gradebook = out.published.get(Artifact.GRADEBOOK).lines().toList();
        assertEquals(4, gradebook.size(), gradebook::toString);
        assertTrue(gradebook.get(1).startsWith("ana,duplicate,"), gradebook::toString);
        assertTrue(gradebook.get(2).startsWith("ana,graded,"), gradebook::toString);
        assertTrue(gradebook.get(3).startsWith("ion,graded,"), gradebook::toString);
        assertTrue(out.published.get(Artifact.SUMMARY_JSON).contains("\"duplicate\" : 1"), out.published.get(Artifact.SUMMARY_JSON));
    }

    @Test
    void aReportThatCannotBeStagedFailsTheRunWithItsOwnMessageAndLaterFilesAreNotWritten() {
        MemoryOutput out = new MemoryOutput(name -> name.equals("reports/ion.html"));
        Publisher publisher = new Publisher(out, List.of(ReportFormat.html));
        publisher.stage("reports/ana.html", "ana");
        publisher.stage("reports/ion.html", "ion");
        BadInputException e = assertThrows(BadInputException.class, () -> {
            for (int i = 0; i < 100; i++) { // the writer fails on ion; a later stage or the finish says so
                publisher.stage("reports/later-" + i + ".html", "later");
            }
            publisher.finishStaging();
        });
        assertEquals("memory: cannot write: reports/ion.html", e.errors().get(0).oneLine());
        assertEquals(List.of("reports/ana.html"), out.stagedOrder, "after a failure the writer only drains its queue");
        assertDoesNotThrow(publisher::close, "the writer is already stopped");
    }

    @Test
    @Timeout(10)
    void aWriterThatFailsWhileGradersWaitForRoomInItsQueueReleasesThem() {
        MemoryOutput out = new MemoryOutput(name -> true);
        Publisher publisher = new Publisher(out, List.of(ReportFormat.html));
        BadInputException e = assertThrows(BadInputException.class, () -> {
            for (int i = 0; i < 10_000; i++) { // far more than the writer's queue holds
                publisher.stage(i + ".html", "x");
            }
        });
        assertEquals("memory: cannot write: 0.html", e.errors().get(0).oneLine());
        assertDoesNotThrow(publisher::close, "the failure is already on its way up");
        assertTrue(out.stagedOrder.isEmpty());
    }
}
