package nngrade.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.QuantityResult;
import nngrade.grade.ClassRow;
import nngrade.grade.Gradebook;
import nngrade.grade.RowStatus;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Numbers;
import nngrade.problem.Problem;
import nngrade.report.CheckJson;
import nngrade.report.Json;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import nngrade.report.Text;
import nngrade.report.worked.WorkedSolution;
import nngrade.report.worked.WorkedSolutions;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import nngrade.variant.ProblemSource;
import nngrade.variant.VariantCode;
import nngrade.variant.Variants;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the API and the pages share: the problems served, a check stored as an attempt, the
 * teacher's exports. Who asks is decided by the caller, from a credential; nothing here takes a
 * student's id from what a request says.
 */
final class Classroom {
    static final Duration HOUR = Duration.ofHours(1);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private final ServeConfig config;
    private final Map<String, ProblemSource> problems = new LinkedHashMap<>();
    private final Map<ProblemSource, String> ids = new IdentityHashMap<>();

    Classroom(ServeConfig config) {
        this.config = config;
        for (ProblemSource s : config.problems()) {
            // a variant keeps its problem's id, so any student's gives it
            String id = s.forStudent(config.roster().ids().stream().sorted().findFirst().orElse("")).problem().id();
            if (problems.putIfAbsent(id, s) != null) {
                throw new BadInputException(InputError.inFile(s.file().source(), "has the id \"" + id
                        + "\" of another problem served; expected each problem's id once"));
            }
            ids.put(s, id);
        }
    }

    ServeConfig config() {
        return config;
    }

    /** The ids of the problems served, in the order given. */
    List<String> problemIds() {
        return List.copyOf(problems.keySet());
    }

    Optional<ProblemSource> source(String id) {
        return Optional.ofNullable(problems.get(id));
    }

    String idOf(ProblemSource s) {
        return ids.get(s);
    }

    /** A student's own attempt by its number as a path gives it ("3"); empty for anything else. */
    Optional<Attempt> attempt(String student, ProblemSource s, String number) {
        return numbered(config.store().attemptsOf(student, idOf(s)), number);
    }

    /** The attempt of {@code attempts} that a path's number ("3") names; empty for anything else. */
    static Optional<Attempt> numbered(List<Attempt> attempts, String number) {
        if (!number.matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        return attempts.stream().filter(a -> a.number() == n).findFirst();
    }

    /** Whether the deadline has passed: checks are closed, and with --reveal the key may be shown. */
    boolean closed() {
        return config.deadline().isPresent() && config.clock().instant().isAfter(config.deadline().get());
    }

    /** Whether expected values may be shown to students now. */
    boolean revealing() {
        return closed() && config.reveal() == Reveal.AFTER_DEADLINE;
    }

    /**
     * A student's own worked solution (their variant's numbers, the formulas in {@code messages}'
     * language), only while {@link #revealing()}: before the deadline, or without --reveal, it is
     * empty, so nothing of the key is ever worked out for a page.
     */
    Optional<WorkedSolution> worked(String student, ProblemSource s, Messages messages) {
        if (!revealing()) {
            return Optional.empty();
        }
        return Optional.of(WorkedSolutions.of(s.forStudent(student).key(), messages.words()));
    }

    /** The report options of a student's feedback now, in a language. */
    ReportOptions options(Messages.Lang lang) {
        return new ReportOptions(new Messages(lang), !revealing(), false, false);
    }

    /** The points a problem is worth (every variant asks the same quantities). */
    double maxScore(ProblemSource s, String student) {
        return s.forStudent(student).problem().maxScore();
    }

    /** What a check request came to. */
    sealed interface Outcome {
    }

    /** Stored as attempt {@code attempt}; {@code report} is the JSON the student is sent. */
    record Checked(CheckResult result, int attempt, OptionalInt checksLeft, ObjectNode report) implements Outcome {
    }

    /** Not readable as a submission: nothing stored. {@code report} holds the errors. */
    record Unreadable(List<InputError> errors, ObjectNode report) implements Outcome {
    }

    /** Refused by --max-checks: nothing stored; try again in {@code retryAfterSeconds}. */
    record TooMany(int limit, long retryAfterSeconds) implements Outcome {
    }

    /** Refused: the deadline has passed. */
    record DeadlinePassed(Instant deadline) implements Outcome {
    }

    /** Checks a student's submission against their own variant's key and stores it as an attempt. */
    Outcome check(String student, ProblemSource s, byte[] body, String contentType, Messages.Lang lang) {
        Instant now = config.clock().instant();
        if (config.deadline().isPresent() && now.isAfter(config.deadline().get())) {
            return new DeadlinePassed(config.deadline().get());
        }
        ReportOptions hidden = new ReportOptions(new Messages(lang), true, false, false);
        String source = sourceName(contentType);
        Variants.Variant v = s.forStudent(student);
        Problem p = v.problem();
        CheckResult result;
        try {
            result = checkBytes(student, s, source, body, hidden.messages());
        } catch (BadInputException e) {
            ObjectNode report = CheckJson.tree(CheckResult.invalid(p, student, source, e.errors()), hidden);
            return new Unreadable(e.errors(), report);
        }
        ObjectNode report = CheckJson.tree(result, hidden);
        Map<String, List<String>> diagnoses = new LinkedHashMap<>();
        for (QuantityResult q : result.quantities()) {
            diagnoses.put(q.name(), q.diagnoses());
        }
        Check check = new Check(student, p.id(), s.variantCode(student).orElse(""), now, body, contentType,
                result.score(), result.maxScore(), Json.pretty(report), diagnoses);
        OptionalInt limit = config.maxChecks();
        int attempt;
        if (limit.isPresent()) {
            OptionalInt n = config.store().recordIfUnder(check, limit.getAsInt(), now.minus(HOUR));
            if (n.isEmpty()) {
                return new TooMany(limit.getAsInt(), retryAfter(student, p.id(), now));
            }
            attempt = n.getAsInt();
        } else {
            attempt = config.store().record(check);
        }
        report.put("attempt", attempt);
        OptionalInt left = OptionalInt.empty();
        if (limit.isPresent()) {
            int used = config.store().countSince(student, p.id(), now.minus(HOUR));
            left = OptionalInt.of(Math.max(0, limit.getAsInt() - used));
            report.put("checksLeft", left.getAsInt());
        }
        return new Checked(result, attempt, left, report);
    }

    /**
     * A stored attempt checked again from its bytes: the check is deterministic, so it gives what
     * the student was told, and with --reveal after the deadline the expected values beside it.
     */
    CheckResult recheck(Attempt a, Messages messages) {
        ProblemSource s = source(a.problem()).orElseThrow();
        return checkBytes(a.student(), s, sourceName(a.check().contentType()), a.check().submission(), messages);
    }

    private CheckResult checkBytes(String student, ProblemSource s, String source, byte[] body, Messages messages) {
        Variants.Variant v = s.forStudent(student);
        Submission sub = SubmissionReader.parse(source, body, v.problem());
        if (sub.problem() != null && !sub.problem().strip().equals(v.problem().id())) {
            // not stored as an attempt: it would cost a check and count, scored against another key
            throw new BadInputException(InputError.atField(source, "problem", messages.get("serve.wrong-problem",
                    Excerpts.shown(sub.problem()), v.problem().id())));
        }
        CheckResult result = Checker.check(v.key(), sub, null, student);
        String own = s.variantCode(student).orElse(null);
        if (own != null && sub.variant() != null && !VariantCode.matches(sub.variant(), own)) {
            String carried = VariantCode.read(sub.variant()).orElse("\"" + Excerpts.shown(sub.variant()) + "\"");
            result = result.withNote(messages.get("note.variant", carried, own, student));
        }
        return result;
    }

    /** The submission an attempt sent, read again (to fill the form with it). */
    Optional<Submission> submissionOf(Attempt a) {
        ProblemSource s = source(a.problem()).orElseThrow();
        try {
            return Optional.of(SubmissionReader.parse(sourceName(a.check().contentType()), a.check().submission(),
                    s.forStudent(a.student()).problem()));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    /** The content type of a spreadsheet, the third kind of submission beside JSON and CSV. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The name a submission is read under: its reader goes by the extension. */
    static String sourceName(String contentType) {
        return switch (contentType) {
            case "text/csv" -> "submission.csv";
            case XLSX -> "submission.xlsx";
            default -> "submission.json";
        };
    }

    /** The seconds until the oldest check of the last hour leaves it. */
    private long retryAfter(String student, String problem, Instant now) {
        Instant since = now.minus(HOUR);
        Instant oldest = config.store().attemptsOf(student, problem).stream().map(Attempt::time)
                .filter(t -> !t.isBefore(since)).min(Instant::compareTo).orElse(now);
        long millis = Duration.between(now, oldest.plus(HOUR)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** grade's gradebook.csv from the counted attempts, each checked again from its stored bytes. */
    String gradebook(ProblemSource s) {
        String problemId = ids.get(s);
        Map<String, Attempt> counted = config.store().counted(problemId, config.deadline());
        List<ClassRow> rows = new ArrayList<>();
        Problem shape = s.forStudent("").problem(); // every variant asks the same quantities
        for (String id : config.roster().ids().stream().sorted().toList()) {
            Variants.Variant v = s.forStudent(id);
            Attempt a = counted.get(id);
            if (a == null) {
                rows.add(ClassRow.ungraded(id, RowStatus.MISSING, "", "no check", v.problem().maxScore()));
                continue;
            }
            String note = "attempt " + a.number() + " at " + a.time();
            String source = sourceName(a.check().contentType());
            try {
                Submission sub = SubmissionReader.parse(source, a.check().submission(), v.problem());
                rows.add(ClassRow.of(Checker.check(v.key(), sub, null, id), RowStatus.GRADED, note));
            } catch (BadInputException e) {
                rows.add(ClassRow.ungraded(id, RowStatus.INVALID, "", note, a.maxScore()));
            }
        }
        StringWriter out = new StringWriter();
        Gradebook.write(out, shape, rows, Optional.of(config.roster()));
        return out.toString();
    }

    /** Every attempt on a problem: id,attempt,time,score,max,variant,diagnoses. */
    String attemptsCsv(ProblemSource s) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSV)) {
            csv.printRecord("id", "attempt", "time", "score", "max", "variant", "diagnoses");
            for (Attempt a : config.store().attemptsOn(ids.get(s))) {
                List<String> diagnoses = new ArrayList<>();
                a.check().diagnoses().forEach((q, codes) -> diagnoses.add(q + ": " + String.join("+", codes)));
                csv.printRecord(Text.csvCell(a.student()), a.number(), a.time().toString(), Numbers.score(a.score()),
                        Numbers.score(a.maxScore()), a.check().variantCode(), Text.csvCell(String.join("; ", diagnoses)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
