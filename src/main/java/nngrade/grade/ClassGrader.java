package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.CopyFinder;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.report.Gradescope;
import nngrade.report.JunitXml;
import nngrade.solve.AnswerKey;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import nngrade.variant.ProblemSource;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Grades every file of a class run in parallel, staging each file's reports as it goes. */
final class ClassGrader {
    private final GradeRequest request;
    private final Publisher publisher;
    private final CopyFinder copies;
    private final ClassRow.Sharing rowMaker = new ClassRow.Sharing();
    /**
     * Report names taken during grading, lower case ("Ana" and "ana" clash on Windows and macOS).
     * The first file of an id writes its reports straight under their likely final name, so a
     * class of unique ids needs no renaming afterwards (100,000 renames take seconds).
     */
    private final Set<String> claims = ConcurrentHashMap.newKeySet();

    ClassGrader(GradeRequest request, Publisher publisher) {
        this.request = request;
        this.publisher = publisher;
        this.copies = request.source().perStudent() ? copyFinder(request) : null;
    }

    /** Every student's variant: the roster's, else one per file name. */
    private static CopyFinder copyFinder(GradeRequest r) {
        Map<String, AnswerKey> keys = new TreeMap<>();
        Collection<String> ids = r.roster().isPresent() ? r.roster().get().ids()
                : r.files().stream().map(f -> Ids.fromFileName(f.file())).toList();
        for (String id : ids) {
            keys.put(id, r.source().forStudent(id).key());
        }
        return new CopyFinder(keys);
    }

    /** Grades the files, each worker taking the next until none is left: no queue, no task per file. */
    List<GradedFile> gradeAll(Progress progress) throws InterruptedException {
        List<SubmissionFile> files = request.files();
        int cores = request.jobs() > 0 ? request.jobs() : Runtime.getRuntime().availableProcessors();
        int threads = Math.max(1, Math.min(files.size(), cores));
        GradedFile[] graded = new GradedFile[files.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < graded.length && failure.get() == null;
                             i = next.getAndIncrement()) {
                            graded[i] = gradeOne(i, files.get(i));
                            done.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                progress.update(done.get(), graded.length);
            }
            progress.update(done.get(), graded.length);
        } finally {
            pool.shutdownNow();
            // after a failure, workers finish the file in hand before the staging area goes away
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        ReportWriter.rethrow(failure.get());
        return List.of(graded);
    }

    private GradedFile gradeOne(int index, SubmissionFile input) {
        Path file = input.file();
        String fileId = Ids.fromFileName(file);
        ProblemSource source = request.source();
        Problem p = source.forStudent(fileId).problem();
        CheckResult r;
        RowStatus status;
        String note = "";
        try {
            Submission s = SubmissionReader.read(file, p);
            String id = s.student() != null && !s.student().isBlank() ? s.student() : fileId;
            r = Checker.check(source.forStudent(id).key(), s, request.tolerance().orElse(null), id);
            status = RowStatus.GRADED;
            if (copies != null) {
                CopyFinder.Match m = copies.find(s, id, r.score(), r.maxScore());
                if (m != null) {
                    note = "possible-copy: the answers fit the variant of " + m.otherId() + " better ("
                            + Numbers.score(m.otherScore()) + " against " + Numbers.score(m.ownScore()) + " points)";
                }
            }
        } catch (BadInputException e) {
            r = CheckResult.invalid(p, fileId, file.toString(), e.errors());
            status = RowStatus.INVALID;
            InputError first = e.errors().get(0);
            note = first.withoutFile() + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : "");
        }
        String claimed = null;
        if (!request.formats().isEmpty()) {
            String name = FileNames.safe(r.student());
            claimed = claims.add(name.toLowerCase(Locale.ROOT)) ? name : null;
        }
        for (ReportFormat f : request.formats()) {
            publisher.stage(Publisher.stagedReport(index, claimed, f), f.render(r, request.options()));
        }
        if (request.junitXml()) {
            publisher.stage(Publisher.stagedSuite(index), JunitXml.suite(r, request.options()));
        }
        if (request.gradescope()) {
            publisher.stage(Publisher.GRADESCOPE, Gradescope.render(r, request.options()));
        }
        return new GradedFile(index, rowMaker.of(r, status, note), input.modified(), fileId, claimed);
    }
}
