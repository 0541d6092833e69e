package nngrade.grade;

import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import nngrade.submission.PointsOverride;
import nngrade.submission.Roster;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole class run on the bundled samples, into memory: the pipeline without the command line or an output folder. */
class ClassGradingTest {
    private static final ProblemSource NOTES = new ProblemSource(ProblemLoader.read(Path.of("problems", "notes-softmax-step.json")), null);
    private static final ReportOptions OPTIONS = new ReportOptions(new Messages(Messages.Lang.en), false, false, false);

    private static GradeRequest request(Optional<Set<String>> roster, List<ReportFormat> formats, int jobs) {
        List<SubmissionFile> files = SubmissionFinder.find(List.of(Path.of("submissions-sample")), List.of()).files();
        return new GradeRequest(NOTES, files, IdSource.LAYOUT, roster.map(ids -> Roster.of("roster.csv", ids)),
                Optional.empty(), OPTIONS, formats, true, false, jobs);
    }

    @Test
    void theSamplesGiveOneRowPerFileAReportEachAndTheUnreadableOneListedAsInvalid() throws InterruptedException {
        MemoryOutput out = new MemoryOutput();
        List<String> progress = new ArrayList<>();
        List<ClassRow> invalid = new ArrayList<>();
        ClassGrading.Outcome o = ClassGrading.run(request(Optional.empty(), List.of(ReportFormat.html, ReportFormat.md), 2),
                out, new Progress() {
                    @Override
                    public void update(int done, int total) {
                        progress.add(done + "/" + total);
                    }

                    @Override
                    public void invalidFiles(List<ClassRow> rows) {
                        assertTrue(out.order.isEmpty(), "invalid files are told before anything is published");
                        invalid.addAll(rows);
                    }
                });
        assertEquals(List.of("compact-ro graded 9", "long graded 9", "malformed graded 1", "notes graded 4",
                "perfect graded 9", "rounded-2dp graded 9", "unreadable invalid 0"),
                o.rows().stream().map(r -> r.id() + " " + r.status().label() + " " + (int) r.score()).toList());
        assertEquals(List.of("submissions-sample/unreadable.csv"), invalid.stream().map(ClassRow::file).toList());
        assertTrue(invalid.get(0).note().startsWith("line 1: expected a header quantity,row,col,value"), invalid.get(0)::note);
        assertTrue(o.anyInvalidRow());
        assertEquals("7/7", progress.get(progress.size() - 1));
        assertEquals(14, out.reports.size(), out.reports.keySet()::toString);
        assertTrue(out.reports.get("notes.html").contains("Your dW1 is the transpose of the expected gradient"),
                "the notes' slip is explained in their report");
        assertEquals(6, o.summary().graded(), "the unreadable file is not among the graded");
        String junit = out.published.get(Artifact.JUNIT_XML);
        assertEquals(7, junit.split("<testsuite ", -1).length - 1, junit);
        assertTrue(junit.indexOf("name=\"compact-ro\"") < junit.indexOf("name=\"unreadable\""), "suites in gradebook order");
    }

    @Test
    void aSecondRunIntoTheSameOutputPublishesWhatItChangedAndOverridesReachTheReports() throws InterruptedException {
        MemoryOutput out = new MemoryOutput();
        ClassGrading.run(request(Optional.empty(), List.of(ReportFormat.md), 2), out, Progress.NONE);
        assertEquals("id,quantity,old,new,change\n", out.published.get(Artifact.CHANGES));
        assertEquals(List.of("reports/", "SUMMARY_JSON", "SUMMARY_HTML", "JUNIT_XML", "CHANGES", "GRADEBOOK"), out.order);

        List<SubmissionFile> files = SubmissionFinder.find(List.of(Path.of("submissions-sample")), List.of()).files();
        Overrides overrides = Overrides.of(List.of(new PointsOverride("o.csv", 2, "notes", "dW1", 2, "ambiguous key"),
                new PointsOverride("o.csv", 3, "nobody", null, 1, "")));
        GradeRequest again = new GradeRequest(NOTES, files, IdSource.LAYOUT, Optional.empty(), Optional.empty(), OPTIONS,
                List.of(ReportFormat.md), false, false, 2, overrides);
        List<String> warnings = new ArrayList<>();
        ClassGrading.Outcome o = ClassGrading.run(again, out, new Progress() {
            @Override
            public void update(int done, int total) {
            }

            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        });
        assertEquals(List.of("o.csv:3: no student \"nobody\" in this class: not applied"), warnings);
        assertEquals("id,quantity,old,new,change\nnotes,dW1,0,2,2\nnotes,total,4,6,2\n", out.published.get(Artifact.CHANGES));
        assertTrue(out.reports.get("notes.md").contains("> Points changed by your teacher: dW1 0 → 2 \\(ambiguous key\\)"),
                out.reports.get("notes.md"));
        assertEquals(6, o.rows().stream().filter(r -> r.id().equals("notes")).findFirst().orElseThrow().score());
    }

    @Test
    void aPreviousGradebookThatCannotBeComparedIsAWarningNotAFailure() throws InterruptedException {
        MemoryOutput out = new MemoryOutput();
        out.published.put(Artifact.GRADEBOOK, "id,status,score\nnotes,passed,4\n");
        List<String> warnings = new ArrayList<>();
        ClassGrading.run(request(Optional.empty(), List.of(), 1), out, new Progress() {
            @Override
            public void update(int done, int total) {
            }

            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        });
        assertEquals(List.of("memory/GRADEBOOK:2: status: \"passed\" is not one of duplicate, graded, invalid, missing, "
                + "unknown (the previous gradebook is not compared: changes.csv lists no changes)"), warnings);
        assertEquals("id,quantity,old,new,change\n", out.published.get(Artifact.CHANGES));
        assertTrue(out.published.get(Artifact.GRADEBOOK).startsWith("id,status,score,max,z1,"));
    }

    @Test
    void aRosterAddsMissingAndUnknownRowsAndOneJobGradesAsManyDo() throws InterruptedException {
        MemoryOutput one = new MemoryOutput();
        MemoryOutput two = new MemoryOutput();
        Optional<Set<String>> roster = Optional.of(Set.of("notes", "perfect", "ana"));
        ClassGrading.Outcome a = ClassGrading.run(request(roster, List.of(ReportFormat.json), 1), one, Progress.NONE);
        ClassGrading.Outcome b = ClassGrading.run(request(roster, List.of(ReportFormat.json), 2), two, Progress.NONE);
        assertEquals(List.of("ana missing", "compact-ro unknown", "long unknown", "malformed unknown", "notes graded",
                "perfect graded", "rounded-2dp unknown", "unreadable invalid"),
                a.rows().stream().map(r -> r.id() + " " + r.status().label()).toList());
        assertEquals(one.published, two.published);
        assertEquals(one.reports, two.reports);
    }
}
