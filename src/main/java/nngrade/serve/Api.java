package nngrade.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.input.Excerpts;
import nngrade.problem.Problem;
import nngrade.report.CheckJson;
import nngrade.report.Json;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import nngrade.variant.ProblemSource;
import nngrade.variant.Variants;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ServeConfig config;
    private final Classroom classroom;
    private final Pages pages;

    Api(ServeConfig config) {
        this.config = config;
        this.classroom = new Classroom(config);
        this.pages = new Pages(classroom);
    }

    /** An answer: status, content type, body, and any headers of its own. */
    record Reply(int status, String type, String body, List<Map.Entry<String, String>> headers) {
        Reply {
            headers = List.copyOf(headers);
        }

        static Reply error(int status, String code, String message) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("error", code);
            n.put("message", message);
            return new Reply(status, JSON, Json.pretty(n), List.of());
        }

        /** The same with one header more; Set-Cookie may come several times, any other replaces ours. */
        Reply with(String header, String value) {
            List<Map.Entry<String, String>> h = new ArrayList<>(headers);
            h.add(Map.entry(header, value));
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
        Reply reply = switch (status) {
            case 408 -> Reply.error(408, "request-timeout", "the request did not arrive whole within "
                    + Server.REQUEST_TIMEOUT_MS / 1000 + " s; send it again");
            case 503 -> Reply.error(503, "shutting-down", "the server is stopping; try again in a minute");
            default -> Reply.error(status, "bad-request", "the request could not be read as HTTP");
        };
        send(response, reply, callback);
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
        for (Map.Entry<String, String> e : reply.headers()) {
            if (e.getKey().equalsIgnoreCase("Set-Cookie")) {
                h.add(e.getKey(), e.getValue());
            } else {
                h.put(e.getKey(), e.getValue());
            }
        }
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
            return new Reply(200, "text/plain; charset=utf-8", "ok\n", List.of());
        }
        if (!path.startsWith("/api/")) {
            return pages.route(request, path);
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
        if (rest.size() == 4 && rest.get(0).equals("problems") && rest.get(2).equals("attempts")) {
            requireMethod(method, "GET");
            String id = student(request);
            return attempt(id, source(rest.get(1)), rest.get(3), request);
        }
        if (rest.size() == 2 && rest.get(0).equals("teacher")
                && (rest.get(1).equals("gradebook.csv") || rest.get(1).equals("attempts.csv"))) {
            requireMethod(method, "GET");
            teacher(request);
            Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            String problem = query.getValue("problem");
            if (problem == null || problem.isEmpty()) {
                throw new Refused(Reply.error(400, "problem-required", "expected ?problem=ID, one of: "
                        + String.join(", ", classroom.problemIds())));
            }
            ProblemSource s = source(problem);
            return new Reply(200, CSV_TYPE, rest.get(1).equals("gradebook.csv") ? classroom.gradebook(s) : classroom.attemptsCsv(s), List.of());
        }
        throw notFound();
    }

    /** 401 with the challenge RFC 9110 asks of it: a bearer token. */
    private static Reply unauthorized(String message) {
        return Reply.error(401, "unauthorized", message).with("WWW-Authenticate", "Bearer realm=\"nngrade\"");
    }

    private static Refused notFound() {
        return new Refused(Reply.error(404, "not-found", "no such route; the API is in the spec's serve.md"));
    }

    static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new Refused(Reply.error(405, "method-not-allowed", "expected " + allowed).with("Allow", allowed));
        }
    }

    private static String bearer(Request request) {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused(unauthorized("expected the header Authorization: Bearer TOKEN, the token of your link"));
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
        throw new Refused(unauthorized("the token is not one of this class's; expected the token of your link"));
    }

    private void teacher(Request request) {
        String token = bearer(request);
        if (config.teacher().matches(token)) {
            return;
        }
        if (config.tokens().studentOf(token).isPresent()) {
            throw new Refused(Reply.error(403, "teacher-only", "this route needs the teacher's token"));
        }
        throw new Refused(unauthorized("the token is not the teacher's"));
    }

    private ProblemSource source(String id) {
        return classroom.source(id).orElseThrow(() -> new Refused(Reply.error(404, "unknown-problem", "no problem \""
                + Excerpts.shown(id) + "\" is served; expected one of: " + String.join(", ", classroom.problemIds()))));
    }

    private Reply me(String student) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("student", student);
        ArrayNode list = root.putArray("problems");
        for (String pid : classroom.problemIds()) {
            ProblemSource s = classroom.source(pid).orElseThrow();
            Problem p = s.forStudent(student).problem();
            ObjectNode n = list.addObject();
            n.put("id", p.id());
            n.put("title", p.title());
            List<Attempt> mine = config.store().attemptsOf(student, p.id());
            n.put("attempts", mine.size());
            Optional<Attempt> counted = config.store().counted(student, p.id(), config.deadline());
            if (counted.isPresent()) {
                n.put("score", Classroom.round(counted.get().score()));
            } else {
                n.putNull("score");
            }
            n.put("maxScore", Classroom.round(classroom.maxScore(s, student)));
        }
        return new Reply(200, JSON, Json.pretty(root), List.of());
    }

    private Reply problem(String student, ProblemSource s) {
        Variants.Variant v = s.forStudent(student);
        Optional<String> code = s.variantCode(student);
        ObjectNode root = v.file().root();
        return new Reply(200, JSON, Json.pretty(Json.withVariantCode(root, code.orElse(null))), List.of());
    }

    private Reply check(String student, ProblemSource s, Request request) {
        byte[] body = body(request);
        Messages.Lang lang = config.langFor(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        Classroom.Outcome outcome = classroom.check(student, s, body, contentType(request), lang);
        if (outcome instanceof Classroom.Checked c) {
            return new Reply(200, JSON, Json.pretty(c.report()), List.of());
        }
        if (outcome instanceof Classroom.Unreadable u) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("error", "unreadable-submission");
            n.put("message", u.errors().isEmpty() ? "the submission could not be read" : u.errors().get(0).oneLine());
            n.set("errors", u.report().get("errors"));
            return new Reply(422, JSON, Json.pretty(n), List.of());
        }
        if (outcome instanceof Classroom.TooMany t) {
            return Reply.error(429, "too-many-checks", "at most " + t.limit() + " checks of a problem an hour; try "
                    + "again in " + t.retryAfterSeconds() + " s").with("Retry-After", Long.toString(t.retryAfterSeconds()));
        }
        Classroom.DeadlinePassed d = (Classroom.DeadlinePassed) outcome;
        // 403, not 409: no state of the server's that the student could change makes it pass
        return Reply.error(403, "deadline-passed", "the deadline was " + d.deadline()
                + "; checks are closed and the last attempt before it counts");
    }

    static String contentType(Request request) {
        String t = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (t == null) {
            return "application/json";
        }
        int semi = t.indexOf(';');
        String bare = (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return bare.equals("text/csv") || bare.equals(Classroom.XLSX) ? bare : "application/json";
    }

    /**
     * A body declared larger than this is refused before a byte of it is read; a smaller one
     * is read to its end and the part past {@link #MAX_BODY} dropped (Server.WholeRequestWithin),
     * so that the client, done sending, reads its 413.
     */
    static final long DRAIN_LIMIT = 16L << 20;

    /** The body, refused with 413 past {@link #MAX_BODY}. */
    static byte[] body(Request request) {
        if (request.getLength() > DRAIN_LIMIT) {
            throw new Refused(tooLarge().with("Connection", "close"));
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

    static Reply tooLarge() {
        return Reply.error(413, "body-too-large", "a submission is at most 1 MiB (" + MAX_BODY + " bytes)");
    }

    /**
     * One of the student's own attempts: its report as it was sent; once the deadline has passed
     * under --reveal after-deadline, checked again with the expected values in it.
     */
    private Reply attempt(String student, ProblemSource s, String number, Request request) {
        Optional<Attempt> a = classroom.attempt(student, s, number);
        if (a.isEmpty()) {
            throw new Refused(Reply.error(404, "unknown-attempt", "you have no attempt \"" + Excerpts.shown(number)
                    + "\" on " + classroom.idOf(s) + "; GET its attempts to see their numbers"));
        }
        ObjectNode report;
        if (classroom.revealing()) {
            Messages.Lang lang = config.langFor(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
            ReportOptions shown = classroom.options(lang);
            report = CheckJson.tree(classroom.recheck(a.get(), shown.messages()), shown);
        } else {
            try {
                report = (ObjectNode) MAPPER.readTree(a.get().check().reportJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        report.put("attempt", a.get().number());
        return new Reply(200, JSON, Json.pretty(report), List.of());
    }

    private Reply attempts(String student, ProblemSource s) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Attempt a : config.store().attemptsOf(student, classroom.idOf(s))) {
            ObjectNode n = list.addObject();
            n.put("attempt", a.number());
            n.put("time", a.time().toString());
            n.put("score", Classroom.round(a.score()));
            n.put("maxScore", Classroom.round(a.maxScore()));
        }
        return new Reply(200, JSON, Json.pretty(list), List.of());
    }
}
