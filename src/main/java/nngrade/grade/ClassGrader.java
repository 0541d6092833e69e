package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.CopyFinder;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.report.Gradescope;
import nngrade.report.JunitXml;
import nngrade.solve.AnswerKey;
import nngrade.submission.StudentIds;
import nngrade.submission.Submission;
import nngrade.variant.ProblemSource;
import nngrade.variant.VariantCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Grades every file of a class run in parallel, staging each file's reports as it goes. */
final class ClassGrader {
    /** How a row's note begins to say its answers fit another student's variant better (the summary lists those rows). */
    static final String POSSIBLE_COPY = "possible-copy: ";
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
    /** The roster's ids, else every id the layout gave. */
    private final Set<String> classIds;

    ClassGrader(GradeRequest request, Publisher publisher) {
        this.request = request;
        this.publisher = publisher;
        this.classIds = classIds(request);
        this.copies = request.source().perStudent() ? copyFinder(request, classIds) : null;
    }

    /** Every student's variant: the roster's, else one per id the layout gives. */
    private static CopyFinder copyFinder(GradeRequest r, Set<String> classIds) {
        Map<String, AnswerKey> keys = new TreeMap<>();
        for (String id : classIds) {
            keys.put(id, r.source().forStudent(id).key());
        }
        return new CopyFinder(keys);
    }

    private static Set<String> classIds(GradeRequest r) {
        Set<String> ids = new TreeSet<>();
        r.roster().ifPresentOrElse(roster -> ids.addAll(roster.ids()), () -> r.files().forEach(f -> ids.add(f.id())));
        return ids;
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
        ProblemSource source = request.source();
        String id = input.id();
        Problem p = source.forStudent(id).problem(); // names and shapes: the same in every variant
        List<String> notes = new ArrayList<>();
        if (!input.note().isEmpty()) {
            notes.add(input.note());
        }
        String claim = null;
        String variant = null;
        CheckResult r;
        RowStatus status;
        try {
            if (!input.supported()) {
                throw new BadInputException(InputError.inFile(input.source(), unsupported(input.source())));
            }
            Submission s = input.location().read(input.source(), p);
            String said = s.student() == null || s.student().isBlank() ? null : s.student();
            if (request.idFrom() == IdSource.FIELD) {
                if (said != null) {
                    id = StudentIds.nfc(said);
                    if (request.roster().isPresent() && !request.roster().get().ids().contains(said)
                            && request.roster().get().ids().contains(input.id())) {
                        // a platform's id in the layout and a username in the field: the row would be unknown
                        // and the student missing, so the teacher hears of it
                        claim = "the file's student field says \"" + Excerpts.shown(said) + "\", which is not on the "
                                + "roster, and it sits in the place of " + input.id();
                    }
                } else {
                    notes.add("no student field: the id is the " + input.layout().label() + " layout's");
                }
            } else if (said != null && !said.strip().equalsIgnoreCase(id)) {
                claim = claimOf(input, id, said, notes);
            }
            r = Checker.check(source.forStudent(id).key(), s, request.tolerance().orElse(null), id);
            status = RowStatus.GRADED;
            variant = s.variant();
            String own = source.variantCode(id).orElse(null);
            if (own != null && variant != null && !VariantCode.matches(variant, own)) {
                // the report says so too: the student reads it, the teacher reads the gradebook's note
                String carried = VariantCode.read(variant).orElse("\"" + Excerpts.shown(variant) + "\"");
                r = r.withNote(request.options().messages().get("note.variant", carried, own, id));
            }
            if (copies != null) {
                CopyFinder.Match m = copies.find(s, id, r.score(), r.maxScore());
                if (m != null) {
                    notes.add(POSSIBLE_COPY + "the answers fit the variant of " + m.otherId() + " better ("
                            + Numbers.score(m.otherScore()) + " against " + Numbers.score(m.ownScore()) + " points)");
                }
            }
            Overrides.Applied applied = request.overrides().apply(r, request.options().messages());
            r = applied.result();
            notes.addAll(applied.notes());
        } catch (BadInputException e) {
            r = CheckResult.invalid(p, id, input.source(), e.errors());
            status = RowStatus.INVALID;
            InputError first = e.errors().get(0);
            notes.add(first.withoutFile() + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : ""));
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
        ClassRow row = rowMaker.of(r, status, String.join("; ", notes));
        if (claim != null) {
            row = row.flagged(claim);
        }
        return new GradedFile(index, row, input.modified(), Layout.stem(Layout.last(input.source())), claimed, variant);
    }

    /**
     * The files with the variant codes they carry checked against their students' own
     * ({@link VariantCheck}): a file worked on another's sheet is flagged; when most codes are no
     * one's, the problem file or the secret is not the sheets', and the run stops.
     */
    List<GradedFile> checkVariants(List<GradedFile> graded) {
        if (!request.source().perStudent()) {
            return graded;
        }
        List<VariantCheck.Carried> carried = graded.stream()
                .map(g -> new VariantCheck.Carried(g.row().id(), g.variant())).toList();
        List<String> notes = VariantCheck.notes(request.source().file().source(), carried, classIds,
                request.source()::variantCode);
        List<GradedFile> checked = new ArrayList<>(graded.size());
        for (int i = 0; i < graded.size(); i++) {
            GradedFile g = graded.get(i);
            checked.add(notes.get(i).isEmpty() ? g : g.withRow(g.row().flagged(notes.get(i))));
        }
        return checked;
    }

    /**
     * What a student field that is not the file's id says, as the flag of a claim to another
     * student's place, or null (then perhaps a note). With a roster, a field naming a student
     * by their name, email or login stands for that student: one's own is no claim at all.
     * Where the ids are the LMS's numbers, a field naming no one of the class is the student's
     * own name for themselves ("ana.popescu" handed in by participant 1001), only noted; in the
     * other layouts the id is a name, and any other name is a claim.
     */
    private String claimOf(SubmissionFile input, String id, String said, List<String> notes) {
        Optional<String> whom = request.roster().isPresent() ? request.roster().get().whoIs(said)
                : classIds.contains(said) ? Optional.of(said) : Optional.empty();
        boolean lms = input.layout() == Layout.MOODLE || input.layout() == Layout.CANVAS;
        if (whom.filter(id::equals).isPresent()) {
            return null;
        }
        if (whom.isEmpty() && lms) {
            notes.add("the file names itself " + Excerpts.shown(said));
            return null;
        }
        return "the file's student field says \"" + Excerpts.shown(said) + "\""
                + whom.filter(w -> !w.equals(said)).map(w -> " (" + w + ")").orElse("")
                + ": graded as the hand-in of " + id + ", where it sits";
    }

    private static String unsupported(String source) {
        String name = Layout.last(source.replace('\\', '/'));
        int dot = name.lastIndexOf('.');
        String kind = dot < 0 ? "a file without an extension" : "a ." + name.substring(dot + 1).toLowerCase(Locale.ROOT) + " file";
        // a student reads this too (the LMS's feedback): no command to run, only what to hand in
        return "format not supported: " + name + " is " + kind + "; answers are graded from JSON, CSV or XLSX files";
    }
}
