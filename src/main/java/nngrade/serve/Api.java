package nngrade.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import nngrade.variant.ProblemSource;
import nngrade.variant.VariantCode;
import nngrade.variant.Variants;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON API of the shared spec's serve.md. Who asks is known from the bearer token only: a
 * student's id never comes from the path, the query or the body, so no one can name another's
 * problem or attempts. Before the deadline no expected value leaves: reports are rendered with
 * hideExpected, which leaves cells and followThroughCells with the submitted values only.
 */
final class Api extends Handler.Abstract {
    /** The largest body a check reads: a submission of any real problem is a few kilobytes. */
    static final int MAX_BODY = 1 << 20;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CSV_TYPE = "text/csv; charset=utf-8";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();
    private static final Duration HOUR = Duration.ofHours(1);

    private final ServeConfig config;
    private final Map<String, ProblemSource> problems = new LinkedHashMap<>();
    private final Map<ProblemSource, String> ids = new java.util.IdentityHashMap<>();
    private final ReportOptions hidden;

    Api(ServeConfig config) {
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
        this.hidden = new ReportOptions(new Messages(config.lang()), true, false, false);
    }

    /** An answer: status, content type, body, and any headers of its own. */
    record Reply(int status, String type, String body, Map<String, String> headers) {
        static Reply error(int status, String code, String message) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("error", code);
            n.put("message", message);
            return new Reply(status, JSON, Json.pretty(n), Map.of());
        }

        Reply with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Reply(status, type, body, h);
        }
    }

    /** A refusal thrown from deep in a route, answered as its reply. */
    static final class Refused extends RuntimeException {
        final transient Reply reply;

        Refused(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = route(request);
        } catch (Refused r) {
            reply = r.reply;
        } catch (StoreUnavailableException e) {
            reply = Reply.error(503, "store-unavailable", e.getMessage());
        } catch (RuntimeException e) {
            // the exception's class only: its message could hold a submission's bytes
            reply = Reply.error(500, "internal", "the server failed on this request (" + e.getClass().getSimpleName()
                    + ")");
        }
        send(response, reply, callback);
        return true;
    }

    /** Jetty's own refusals (a malformed request line, a header too large) in the API's shape. */
    boolean error(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        send(response, Reply.error(status, "bad-request", "the request could not be read as HTTP"), callback);
        return true;
    }

    private static void send(Response response, Reply reply, Callback callback) {
        response.setStatus(reply.status());
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, reply.type());
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Content-Security-Policy", "default-src 'none'");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        reply.headers().forEach(h::put);
        response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
    }

    private Reply route(Request request) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path == null) {
            throw notFound();
        }
        if (path.equals("/healthz")) {
            requireMethod(method, "GET");
            return new Reply(200, "text/plain; charset=utf-8", "ok\n", Map.of());
        }
        List<String> parts = List.of(path.split("/", -1));
        if (parts.size() < 4 || !parts.get(0).isEmpty() || !parts.get(1).equals("api") || !parts.get(2).equals("v1")) {
            throw notFound();
        }
        List<String> rest = parts.subList(3, parts.size());
        if (rest.equals(List.of("me"))) {
            requireMethod(method, "GET");
            return me(student(request));
        }
        if (rest.size() >= 2 && rest.size() <= 3 && rest.get(0).equals("problems")) {
            String tail = rest.size() == 3 ? rest.get(2) : "";
            if (rest.size() == 2) {
                requireMethod(method, "GET");
                String id = student(request);
                return problem(id, source(rest.get(1)));
            }
            if (tail.equals("check")) {
                requireMethod(method, "POST");
                String id = student(request);
                return check(id, source(rest.get(1)), request);
            }
            if (tail.equals("attempts")) {
                requireMethod(method, "GET");
                String id = student(request);
                return attempts(id, source(rest.get(1)));
            }
        }
        if (rest.size() == 2 && rest.get(0).equals("teacher")
                && (rest.get(1).equals("gradebook.csv") || rest.get(1).equals("attempts.csv"))) {
            requireMethod(method, "GET");
            teacher(request);
            Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            String problem = query.getValue("problem");
            if (problem == null || problem.isEmpty()) {
                throw new Refused(Reply.error(400, "problem-required", "expected ?problem=ID, one of: "
                        + String.join(", ", problems.keySet())));
            }
            ProblemSource s = source(problem);
            return new Reply(200, CSV_TYPE, rest.get(1).equals("gradebook.csv") ? gradebook(s) : attemptsCsv(s), Map.of());
        }
        throw notFound();
    }

    private static Refused notFound() {
        return new Refused(Reply.error(404, "not-found", "no such route; the API is in the spec's serve.md"));
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new Refused(Reply.error(405, "method-not-allowed", "expected " + allowed).with("Allow", allowed));
        }
    }

    private static String bearer(Request request) {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused(Reply.error(401, "unauthorized", "expected the header Authorization: Bearer TOKEN, "
                    + "the token of your link"));
        }
        return h.substring(7).strip();
    }

    /** The student whose token the request carries. */
    private String student(Request request) {
        String token = bearer(request);
        Optional<String> id = config.tokens().studentOf(token);
        if (id.isPresent()) {
            return id.get();
        }
        if (config.teacher().matches(token)) {
            throw new Refused(Reply.error(403, "student-only", "this is a student's route; the teacher's token "
                    + "has no problems of its own"));
        }
        throw new Refused(Reply.error(401, "unauthorized", "the token is not one of this class's; expected the token "
                + "of your link"));
    }

    private void teacher(Request request) {
        String token = bearer(request);
        if (config.teacher().matches(token)) {
            return;
        }
        if (config.tokens().studentOf(token).isPresent()) {
            throw new Refused(Reply.error(403, "teacher-only", "this route needs the teacher's token"));
        }
        throw new Refused(Reply.error(401, "unauthorized", "the token is not the teacher's"));
    }

    private ProblemSource source(String id) {
        ProblemSource s = problems.get(id);
        if (s == null) {
            throw new Refused(Reply.error(404, "unknown-problem", "no problem \"" + Excerpts.shown(id)
                    + "\" is served; expected one of: " + String.join(", ", problems.keySet())));
        }
        return s;
    }

    private Reply me(String student) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("student", student);
        ArrayNode list = root.putArray("problems");
        for (ProblemSource s : problems.values()) {
            Problem p = s.forStudent(student).problem();
            ObjectNode n = list.addObject();
            n.put("id", p.id());
            n.put("title", p.title());
            List<Attempt> mine = config.store().attemptsOf(student, p.id());
            n.put("attempts", mine.size());
            Optional<Attempt> counted = config.store().counted(student, p.id(), config.deadline());
            if (counted.isPresent()) {
                n.put("score", round(counted.get().score()));
            } else {
                n.putNull("score");
            }
            n.put("maxScore", round(CheckResult.invalid(p, student, "", List.of()).maxScore()));
        }
        return new Reply(200, JSON, Json.pretty(root), Map.of());
    }

    private Reply problem(String student, ProblemSource s) {
        Variants.Variant v = s.forStudent(student);
        Optional<String> code = s.variantCode(student);
        ObjectNode root = v.file().root();
        return new Reply(200, JSON, Json.pretty(Json.withVariantCode(root, code.orElse(null))), Map.of());
    }

    private Reply check(String student, ProblemSource s, Request request) {
        Instant now = config.clock().instant();
        if (config.deadline().isPresent() && now.isAfter(config.deadline().get())) {
            // 403, not 409: no state of the server's that the student could change makes it pass
            throw new Refused(Reply.error(403, "deadline-passed", "the deadline was " + config.deadline().get()
                    + "; checks are closed and the last attempt before it counts"));
        }
        byte[] body = body(request);
        String contentType = contentType(request);
        String source = contentType.equals("text/csv") ? "submission.csv" : "submission.json";
        Variants.Variant v = s.forStudent(student);
        Problem p = v.problem();
        CheckResult result;
        try {
            Submission sub = SubmissionReader.parse(source, body, p);
            result = Checker.check(v.key(), sub, null, student);
            String own = s.variantCode(student).orElse(null);
            if (own != null && sub.variant() != null && !VariantCode.matches(sub.variant(), own)) {
                String carried = VariantCode.read(sub.variant()).orElse("\"" + Excerpts.shown(sub.variant()) + "\"");
                result = result.withNote(hidden.messages().get("note.variant", carried, own, student));
            }
        } catch (BadInputException e) {
            ObjectNode report = CheckJson.tree(CheckResult.invalid(p, student, source, e.errors()), hidden);
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("error", "unreadable-submission");
            n.put("message", e.errors().isEmpty() ? "the submission could not be read" : e.errors().get(0).oneLine());
            n.set("errors", report.get("errors"));
            return new Reply(422, JSON, Json.pretty(n), Map.of());
        }
        ObjectNode report = CheckJson.tree(result, hidden);
        Map<String, List<String>> diagnoses = new LinkedHashMap<>();
        for (QuantityResult q : result.quantities()) {
            diagnoses.put(q.name(), q.diagnoses());
        }
        Check check = new Check(student, p.id(), s.variantCode(student).orElse(""), now, body, contentType,
                result.score(), result.maxScore(), Json.pretty(report), diagnoses);
        int attempt;
        OptionalInt limit = config.maxChecks();
        if (limit.isPresent()) {
            Instant since = now.minus(HOUR);
            OptionalInt n = config.store().recordIfUnder(check, limit.getAsInt(), since);
            if (n.isEmpty()) {
                throw new Refused(tooMany(student, p.id(), limit.getAsInt(), now));
            }
            attempt = n.getAsInt();
        } else {
            attempt = config.store().record(check);
        }
        report.put("attempt", attempt);
        if (limit.isPresent()) {
            int used = config.store().countSince(student, p.id(), now.minus(HOUR));
            report.put("checksLeft", Math.max(0, limit.getAsInt() - used));
        }
        return new Reply(200, JSON, Json.pretty(report), Map.of());
    }

    /** 429 with Retry-After: the seconds until the oldest check of the last hour leaves it. */
    private Reply tooMany(String student, String problem, int limit, Instant now) {
        Instant since = now.minus(HOUR);
        Instant oldest = config.store().attemptsOf(student, problem).stream().map(Attempt::time)
                .filter(t -> !t.isBefore(since)).min(Instant::compareTo).orElse(now);
        long millis = Duration.between(now, oldest.plus(HOUR)).toMillis();
        long seconds = Math.max(1, (millis + 999) / 1000);
        return Reply.error(429, "too-many-checks", "at most " + limit + " checks of a problem an hour; try again in "
                + seconds + " s").with("Retry-After", Long.toString(seconds));
    }

    private static String contentType(Request request) {
        String t = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (t == null) {
            return "application/json";
        }
        int semi = t.indexOf(';');
        String bare = (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return bare.equals("text/csv") ? "text/csv" : "application/json";
    }

    /** The body, refused with 413 past {@link #MAX_BODY}: by its declared length before a byte is read. */
    private static byte[] body(Request request) {
        long declared = request.getLength();
        if (declared > MAX_BODY) {
            throw new Refused(tooLarge());
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new Refused(tooLarge());
            }
            return bytes;
        } catch (IOException e) {
            throw new Refused(Reply.error(400, "body-unreadable", "the request's body could not be read"));
        }
    }

    private static Reply tooLarge() {
        return Reply.error(413, "body-too-large", "a submission is at most 1 MiB (" + MAX_BODY + " bytes)");
    }

    private Reply attempts(String student, ProblemSource s) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Attempt a : config.store().attemptsOf(student, ids.get(s))) {
            ObjectNode n = list.addObject();
            n.put("attempt", a.number());
            n.put("time", a.time().toString());
            n.put("score", round(a.score()));
            n.put("maxScore", round(a.maxScore()));
        }
        return new Reply(200, JSON, Json.pretty(list), Map.of());
    }

    /**
     * grade's gradebook.csv from the counted attempts: each one checked again from its stored bytes
     * (the check is deterministic, so it gives the points the student was told).
     */
    private String gradebook(ProblemSource s) {
        String problemId = ids.get(s);
        Map<String, Attempt> counted = config.store().counted(problemId, config.deadline());
        List<ClassRow> rows = new ArrayList<>();
        Problem shape = s.forStudent("").problem(); // every variant asks the same quantities
        for (String id : config.roster().ids().stream().sorted().toList()) {
            Variants.Variant v = s.forStudent(id);
            Attempt a = counted.get(id);
            if (a == null) {
                rows.add(ClassRow.ungraded(id, RowStatus.MISSING, "", "no check",
                        CheckResult.invalid(v.problem(), id, "", List.of()).maxScore()));
                continue;
            }
            String note = "attempt " + a.number() + " at " + a.time();
            String source = a.check().contentType().equals("text/csv") ? "submission.csv" : "submission.json";
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

    private String attemptsCsv(ProblemSource s) {
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

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
