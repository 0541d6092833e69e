package nngrade.grade;

import nngrade.problem.Tolerance;
import nngrade.report.ReportOptions;
import nngrade.submission.Roster;
import nngrade.variant.ProblemSource;

import java.util.List;
import java.util.Optional;

/**
 * What a class run is asked to do.
 *
 * @param files      the hand-ins, sorted, each with its student's id ({@link SubmissionFinder#find})
 * @param idFrom     whether ids are the layout's (a file's own student field is then only a claim) or the field's
 * @param roster     the class list, if there is one; a learning platform's export also gets its grades back
 * @param tolerance  replaces the problem's default tolerance, if given
 * @param formats    a report per file in each of these (none: only the gradebook and summaries)
 * @param junitXml   whether to publish JUnit XML
 * @param gradescope whether to publish Gradescope's results.json (of the one file)
 * @param jobs       parallel graders; 0 for one per core
 * @param overrides  the teacher's points set by hand, applied before each report is rendered
 */
public record GradeRequest(ProblemSource source, List<SubmissionFile> files, IdSource idFrom, Optional<Roster> roster,
                           Optional<Tolerance> tolerance, ReportOptions options, List<ReportFormat> formats,
                           boolean junitXml, boolean gradescope, int jobs, Overrides overrides) {
    public GradeRequest(ProblemSource source, List<SubmissionFile> files, IdSource idFrom, Optional<Roster> roster,
                        Optional<Tolerance> tolerance, ReportOptions options, List<ReportFormat> formats,
                        boolean junitXml, boolean gradescope, int jobs) {
        this(source, files, idFrom, roster, tolerance, options, formats, junitXml, gradescope, jobs, Overrides.NONE);
    }

    public GradeRequest {
        if (gradescope && files.size() != 1) {
            throw new IllegalArgumentException("Gradescope's results.json is of one submission, not " + files.size());
        }
        files = List.copyOf(files);
        formats = List.copyOf(formats);
    }
}
