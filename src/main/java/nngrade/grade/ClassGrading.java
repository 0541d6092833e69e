package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.report.ClassSummary;
import nngrade.submission.Roster;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class run, start to end: grade every file ({@link ClassGrader}), apply the class's rules
 * ({@link Reconciler}), publish the gradebook, reports and summaries ({@link Publisher}).
 */
public final class ClassGrading {

    /**
     * What a run produced.
     *
     * @param rows the gradebook's rows, in its order
     */
    public record Outcome(List<ClassRow> rows, ClassSummary summary) {
        /**
         * Whether a row of the gradebook is invalid: the run's exit code. An unreadable file
         * superseded by a newer one of the same student is a duplicate there, not invalid.
         */
        public boolean anyInvalidRow() {
            return rows.stream().anyMatch(r -> r.status() == RowStatus.INVALID);
        }

        /** Whether a row waits for the teacher's look (a claim, a clash of ids): exit 1 too. */
        public boolean anyFlaggedRow() {
            return rows.stream().anyMatch(ClassRow::flagged);
        }

        /** Rows per status, in the order the statuses first appear in the gradebook. */
        public Map<RowStatus, Integer> counts() {
            Map<RowStatus, Integer> counts = new LinkedHashMap<>();
            rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            return counts;
        }
    }

    private ClassGrading() {
    }

    /**
     * The previous run's gradebook, if there is one that can be compared; one that cannot (edited
     * by hand, not UTF-8) is a warning, never a failure: the grades of this run do not depend on it.
     */
    private static Optional<Map<String, PreviousGradebook.Counted>> previous(Output output, Problem p, Progress progress) {
        try {
            Optional<Output.PreviousFile> file = output.previous(Artifact.GRADEBOOK);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PreviousGradebook.read(file.get().name(), file.get().text(),
                    p.ask().stream().map(Quantity::name).toList()));
        } catch (BadInputException e) {
            progress.warning(e.errors().get(0).oneLine() + " (the previous gradebook is not compared: changes.csv lists "
                    + "no changes)");
            return Optional.empty();
        }
    }

    /** The report the summary links each student to: the HTML one where there is one, else the first asked. */
    private static Optional<ReportFormat> linked(List<ReportFormat> formats) {
        return formats.contains(ReportFormat.html) ? Optional.of(ReportFormat.html) : formats.stream().findFirst();
    }

    public static Outcome run(GradeRequest request, Output output, Progress progress) throws InterruptedException {
        // Names and shapes are the same in every variant, so any one serves to lay out the gradebook.
        Problem p = request.source().forStudent("").problem();
        try (Publisher publisher = new Publisher(output, request.formats())) {
            ClassGrader grader = new ClassGrader(request, publisher);
            List<GradedFile> graded = grader.checkVariants(grader.gradeAll(progress));
            publisher.finishStaging();
            progress.invalidFiles(graded.stream().map(GradedFile::row).filter(r -> r.status() == RowStatus.INVALID).toList());
            Reconciler.Reconciliation rec = Reconciler.reconcile(graded, request.roster().map(Roster::ids), p.maxScore(),
                    !request.formats().isEmpty(), request.idFrom());
            publisher.place(rec.placements());
            List<ClassRow> rows = rec.classRows();
            progress.flaggedRows(rows.stream().filter(ClassRow::flagged).toList());
            request.overrides().unapplied(rows).forEach(progress::warning);
            String changes = Changes.csv(Changes.between(previous(output, p, progress), p, rows));
            ClassSummary summary = ClassStatistics.of(p, rec.rows(), linked(request.formats()),
                    id -> request.roster().map(r -> r.nameOf(id)).orElse(""));
            Map<Artifact, String> artifacts = new EnumMap<>(Artifact.class);
            request.roster().ifPresent(r -> artifacts.putAll(LmsUpload.files(r, p, rec.rows(), graded,
                    request.options().messages())));
            artifacts.put(Artifact.CHANGES, changes);
            publisher.publish(p, rec, summary, request.options(), request.junitXml(), request.gradescope(),
                    request.roster(), artifacts);
            return new Outcome(rows, summary);
        }
    }
}
