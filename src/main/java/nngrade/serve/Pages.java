package nngrade.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nngrade.check.CheckResult;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.report.Answers;
import nngrade.report.CheckHtml;
import nngrade.report.Messages;
import nngrade.report.ServedPages;
import nngrade.report.SubmissionWriter;
import nngrade.report.TaskSheet;
import nngrade.report.worked.WorkedHtml;
import nngrade.serve.Api.Refused;
import nngrade.serve.Api.Reply;
import nngrade.variant.ProblemSource;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;
import org.eclipse.jetty.util.thread.Invocable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The pages of {@code nngrade serve}: a student signs in with their link and checks answers in a
 * form; the teacher signs in with the teacher's token and sees the class.
 *
 * <p>The cookie is the credential itself (the student's token, or the teacher's), HttpOnly and
 * SameSite=Strict: nothing is kept on the server, so a restart or a second server behind the same
 * proxy signs no one out. Every form carries a token derived from that credential, which a page
 * of another site cannot know; the teacher's sign-in form, sent before there is a credential,
 * carries a random one that must equal the one in its own cookie.
 */
final class Pages {
    static final String STUDENT_COOKIE = "nngrade_student";
    static final String TEACHER_COOKIE = "nngrade_teacher";
    static final String FORM_COOKIE = "nngrade_form";
    private static final String HTML = "text/html; charset=utf-8";
    /** Our own script (paste into a grid) and our own forms; nothing from anywhere else, no framing. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int TEACHER_REFRESH_SECONDS = 30;
    private static final String SCRIPT = script();

    private final Classroom classroom;
    private final ServeConfig config;
    private final SecureRandom random = new SecureRandom();
    /** The problems whose worked solution failed to be made, each told to the teacher once. */
    private final Set<String> workedFailed = ConcurrentHashMap.newKeySet();

    Pages(Classroom classroom) {
        this.classroom = classroom;
        this.config = classroom.config();
    }

    Reply route(Request request, String path) {
        String method = request.getMethod();
        Messages m = new Messages(config.langFor(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)));
        List<String> parts = List.of(path.substring(1).split("/", -1));
        String first = parts.get(0);
        if (path.equals("/static/nngrade.js")) {
            requireGet(method);
            return new Reply(200, "text/javascript; charset=utf-8", SCRIPT, List.of());
        }
        if (first.equals("s") && parts.size() == 2) {
            return signIn(request, method, parts.get(1), m);
        }
        if (first.equals("teacher")) {
            return teacherRoute(request, parts, method, m);
        }
        if (path.equals("/sign-out")) {
            requirePost(method);
            return signOut(request, m);
        }
        Optional<String> student = cookie(request, STUDENT_COOKIE).flatMap(t -> config.tokens().studentOf(t));
        if (path.equals("/")) {
            requireGet(method);
            return student.map(id -> home(id, m)).orElseGet(() -> notice(401, null, m, "serve.need-link"));
        }
        if (first.equals("p") && parts.size() >= 2 && parts.size() <= 4) {
            if (student.isEmpty()) {
                return notice(401, null, m, "serve.need-link");
            }
            String id = student.get();
            Optional<ProblemSource> source = classroom.source(parts.get(1));
            if (source.isEmpty()) {
                return notice(404, id, m, "serve.not-found");
            }
            ProblemSource s = source.get();
            if (parts.size() == 2) {
                requireGet(method);
                List<Attempt> mine = config.store().attemptsOf(id, classroom.idOf(s));
                return problem(id, s, mine, mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1)), m);
            }
            if (parts.size() == 4 && parts.get(2).equals("a")) {
                requireGet(method);
                List<Attempt> mine = config.store().attemptsOf(id, classroom.idOf(s));
                Optional<Attempt> a = Classroom.numbered(mine, parts.get(3));
                return a.isEmpty() ? notice(404, id, m, "serve.not-found") : problem(id, s, mine, a, m);
            }
            if (parts.size() == 3 && parts.get(2).equals("worked")) {
                requireGet(method);
                return workedPage(id, s, m);
            }
            if (parts.size() == 3 && (parts.get(2).equals("check") || parts.get(2).equals("upload"))) {
                requirePost(method);
                return check(request, id, s, parts.get(2).equals("upload"), m);
            }
        }
        return notice(404, student.orElse(null), m, "serve.not-found");
    }

    // ---- students

    /**
     * A student's link. Where another student is signed in, switching takes a click on our own
     * page (a form whose token only that other student's page has): otherwise a link one student
     * sends another would have the second check answers into the first one's attempts.
     */
    private Reply signIn(Request request, String method, String token, Messages m) {
        Optional<String> id = config.tokens().studentOf(token);
        if (id.isEmpty()) {
            return notice(401, null, m, "serve.link");
        }
        Optional<String> current = cookie(request, STUDENT_COOKIE).filter(t -> config.tokens().studentOf(t).isPresent());
        Optional<String> currentId = current.flatMap(t -> config.tokens().studentOf(t));
        if (method.equals("POST")) {
            if (current.isEmpty() || !csrfMatches(current.get(), form(request, m).getValue("csrf"))) {
                return notice(403, null, m, "serve.csrf");
            }
        } else {
            require(method, "GET");
            if (currentId.isPresent() && !currentId.get().equals(id.get())) {
                ServedPages.Switch page = new ServedPages.Switch(frame(m, m.get("serve.switch.heading"), currentId.get(),
                        csrf(current.get())), m.get("serve.switch.heading"), m.get("serve.switch", shownName(currentId.get()),
                        shownName(id.get())), "/s/" + token, csrf(current.get()), m.get("serve.switch.button",
                        shownName(id.get())), m.get("serve.switch.stay", shownName(currentId.get())));
                return html(200, ServedPages.switchStudent(page));
            }
        }
        String text = m.get("serve.signed-in", id.get());
        String page = ServedPages.signedIn(new ServedPages.Notice(frame(m, "nngrade", null, null), text, text, "/",
                m.get("serve.continue")));
        return html(200, page).with("Set-Cookie", cookie(request, STUDENT_COOKIE, token, "/"));
    }

    private Reply signOut(Request request, Messages m) {
        String sent = form(request, m).getValue("csrf");
        // the bar of a student's page and of the teacher's: either signed-in credential's token will do
        boolean ours = cookie(request, STUDENT_COOKIE).filter(t -> config.tokens().studentOf(t).isPresent())
                .filter(t -> csrfMatches(t, sent)).isPresent()
                || cookie(request, TEACHER_COOKIE).filter(config.teacher()::matchesCookie).filter(t -> csrfMatches(t, sent))
                .isPresent();
        if (!ours) {
            return notice(403, null, m, "serve.csrf");
        }
        return notice(200, null, m, "serve.signed-out")
                .with("Set-Cookie", expired(request, STUDENT_COOKIE, "/"))
                .with("Set-Cookie", expired(request, TEACHER_COOKIE, "/"));
    }

    private Reply home(String student, Messages m) {
        List<ServedPages.ProblemRow> rows = new ArrayList<>();
        for (String pid : classroom.problemIds()) {
            ProblemSource s = classroom.source(pid).orElseThrow();
            Problem p = s.forStudent(student).problem();
            int attempts = config.store().attemptsOf(student, pid).size();
            String score = config.store().counted(student, pid, config.deadline())
                    .map(a -> score(a, m)).orElse("–");
            rows.add(new ServedPages.ProblemRow("/p/" + pid, pid, p.title(), attempts, score));
        }
        ServedPages.Home page = new ServedPages.Home(frame(m, m.get("serve.home.heading"), student,
                csrf(studentToken(student))), deadlineText(m), rows);
        return html(200, ServedPages.home(page));
    }

    private String deadlineText(Messages m) {
        return config.deadline().map(d -> m.get(classroom.closed() ? "serve.deadline.closed" : "serve.deadline",
                TIME.format(d) + " UTC")).orElse(null);
    }

    /** The problem page showing one of the student's attempts {@code mine} (when there is one), its answers in the form. */
    private Reply problem(String student, ProblemSource s, List<Attempt> mine, Optional<Attempt> shown, Messages m) {
        Problem p = s.forStudent(student).problem();
        Map<Quantity, AnswerForm.Typed> typed = shown.flatMap(classroom::submissionOf).map(sub -> AnswerForm.typed(p, sub, m)).orElse(Map.of());
        return problemPage(200, student, s, mine, shown, typed, List.of(), m);
    }

    /** The problem page sent back with the answers as typed and why they were not checked. */
    private Reply problemPage(int status, String student, ProblemSource s, Map<Quantity, AnswerForm.Typed> typed,
                              List<String> errors, Messages m) {
        return problemPage(status, student, s, config.store().attemptsOf(student, classroom.idOf(s)), Optional.empty(),
                typed, errors, m);
    }

    private Reply problemPage(int status, String student, ProblemSource s, List<Attempt> mine, Optional<Attempt> shown,
                              Map<Quantity, AnswerForm.Typed> typed, List<String> errors, Messages m) {
        Problem p = s.forStudent(student).problem();
        String pid = classroom.idOf(s);
        String variant = s.variantCode(student).orElse(null);
        String csrf = csrf(studentToken(student));
        CheckHtml.Page feedback = null;
        String heading = null;
        if (shown.isPresent()) {
            Attempt a = shown.get();
            try {
                CheckResult r = classroom.recheck(a, m);
                feedback = CheckHtml.page(r, classroom.options(m.lang()));
            } catch (BadInputException e) { // not stored: only readable submissions are attempts
                feedback = null;
            }
            heading = m.get("serve.attempt.heading", a.number(), TIME.format(a.time()), score(a, m));
        }
        String notice = deadlineText(m);
        if (classroom.revealing() && feedback != null) {
            notice = notice + " " + m.get("serve.revealed");
        }
        ServedPages.Form form = null;
        if (!classroom.closed()) {
            List<ServedPages.Field> fields = new ArrayList<>();
            for (Quantity q : p.ask()) {
                fields.add(AnswerForm.field(p, q, typed.getOrDefault(q, AnswerForm.Typed.EMPTY), m));
            }
            String left = null;
            boolean canCheck = true;
            OptionalInt limit = config.maxChecks();
            if (limit.isPresent()) {
                int used = config.store().countSince(student, pid, config.clock().instant().minus(Classroom.HOUR));
                left = m.get("serve.checks-left", Math.max(0, limit.getAsInt() - used));
                canCheck = used < limit.getAsInt();
            }
            form = new ServedPages.Form("/p/" + pid + "/check", "/p/" + pid + "/upload", csrf, fields, left, canCheck);
        }
        List<ServedPages.AttemptRow> rows = new ArrayList<>();
        for (Attempt a : mine) {
            rows.add(new ServedPages.AttemptRow("/p/" + pid + "/a/" + a.number(), a.number(), TIME.format(a.time()),
                    score(a, m), shown.isPresent() && shown.get().number() == a.number()));
        }
        TaskSheet.Sheet sheet = TaskSheet.sheet(p, student, variant, null, m);
        ServedPages.ProblemPage page = new ServedPages.ProblemPage(frame(m, p.title() + " · " + student, student, csrf),
                sheet, notice, feedback, heading, errors, form, rows, worked(student, s, m));
        return html(status, ServedPages.problem(page));
    }

    /**
     * The section with the student's own worked solution, null unless answers are revealed now
     * (the key is worked out for a page only then). Its intro speaks of the student's own variant
     * only where the problem draws values per student.
     */
    private ServedPages.Worked worked(String student, ProblemSource s, Messages m) {
        String pid = classroom.idOf(s);
        return orLeftOut(pid, student, () -> classroom.worked(student, s, m).map(w -> new ServedPages.Worked(
                m.get("serve.worked.heading"), m.get(s.perStudent() ? "serve.worked.intro" : "serve.worked.intro.shared"),
                WorkedHtml.article(w, m, Optional.of(student)), "/p/" + pid + "/worked", m.get("serve.worked.page")))
                .orElse(null));
    }

    /**
     * The worked section {@code build} makes, or null when making it fails: the problem page is
     * the student's sheet, feedback and attempts too, which are served without it rather than
     * lost to a 500. The teacher is told once a problem (a variant problem may fail for every
     * student), with the first student's id to reproduce it by; no token is in what is logged.
     */
    ServedPages.Worked orLeftOut(String pid, String student, Supplier<ServedPages.Worked> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            if (workedFailed.add(pid)) {
                config.log().accept("the worked solution of problem " + pid + " could not be made (for " + student + ": "
                        + String.valueOf(e).replaceAll("\\s+", " ") + "); its problem pages are served without it. "
                        + "Told once per problem; please report it, with the problem file");
            }
            return null;
        }
    }

    /**
     * The student's own worked solution as a page of its own (WorkedHtml's, printable), once
     * answers are revealed; before that a 403 page saying when, and without --reveal one saying
     * none comes (not "yet": nothing is coming).
     */
    private Reply workedPage(String student, ProblemSource s, Messages m) {
        return classroom.worked(student, s, m).map(w -> html(200, WorkedHtml.render(w, m, Optional.of(student))))
                .orElseGet(() -> notice(403, student, m,
                        config.reveal() == Reveal.NEVER ? "serve.worked.never" : "serve.worked.not-yet"));
    }

    private Reply check(Request request, String student, ProblemSource s, boolean upload, Messages m) {
        byte[] body;
        try {
            body = Api.body(request);
        } catch (Refused r) {
            return r.reply.status() == 413 ? message(413, student, m, "serve.form.errors", m.get("serve.too-large")) : r.reply;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        Problem p = s.forStudent(student).problem();
        byte[] submission;
        String contentType;
        Map<Quantity, AnswerForm.Typed> typed = Map.of();
        if (upload) {
            Optional<Upload> read = upload(type, body);
            if (read.isEmpty()) {
                return problemPage(422, student, s, Map.of(), List.of(m.get("serve.upload.unreadable")), m);
            }
            Upload u = read.get();
            if (!csrfMatches(studentToken(student), u.csrf())) {
                return notice(403, student, m, "serve.csrf");
            }
            if (u.bytes() == null || u.bytes().length == 0) {
                return problemPage(422, student, s, Map.of(), List.of(m.get("serve.upload.none")), m);
            }
            contentType = uploadType(u.fileName());
            if (contentType == null) {
                return problemPage(422, student, s, Map.of(),
                        List.of(m.get("serve.upload.kind", Excerpts.shown(u.fileName()))), m);
            }
            submission = u.bytes();
        } else {
            MultiMap<String> form = decodeForm(body, m);
            if (!csrfMatches(studentToken(student), form.getValue("csrf"))) {
                return notice(403, student, m, "serve.csrf");
            }
            AnswerForm.Reading reading = AnswerForm.read(p, form::getValue, m);
            typed = reading.typed();
            if (!reading.errors().isEmpty()) {
                return problemPage(422, student, s, typed, reading.errors(), m);
            }
            submission = SubmissionWriter.json(Answers.of(p, reading.values()).forStudent(student, s.variantCode(student)
                    .orElse(null))).getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        }
        Classroom.Outcome outcome = classroom.check(student, s, submission, contentType, m.lang());
        if (outcome instanceof Classroom.Checked c) {
            // post, redirect, get: reloading the feedback does not check again
            String pid = classroom.idOf(s);
            return new Reply(303, "text/plain; charset=utf-8", "", List.of())
                    .with("Location", "/p/" + pid + "/a/" + c.attempt() + "#feedback");
        }
        if (outcome instanceof Classroom.Unreadable u) {
            List<String> errors = new ArrayList<>();
            for (InputError e : u.errors()) {
                errors.add(e.oneLine());
            }
            return problemPage(422, student, s, typed, errors, m);
        }
        if (outcome instanceof Classroom.TooMany t) {
            // the answers typed come back with the refusal: they are not lost for the next check
            long minutes = (t.retryAfterSeconds() + 59) / 60;
            return problemPage(429, student, s, typed, List.of(m.get("serve.too-many", t.limit(), minutes)), m)
                    .with("Retry-After", Long.toString(t.retryAfterSeconds()));
        }
        return message(403, student, m, "serve.closed.heading", deadlineText(m));
    }

    /** A file sent from the upload form (its bytes null when none was chosen), and the form's token. */
    record Upload(String csrf, String fileName, byte[] bytes) {
        Upload {
            bytes = bytes == null ? null : bytes.clone();
        }
    }

    /** The upload form's parts; empty when the body is not one (no boundary, cut short, too many parts). */
    private static Optional<Upload> upload(String contentType, byte[] body) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null) {
            return Optional.empty();
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxMemoryFileSize(Api.MAX_BODY);
        parser.setMaxLength(Api.MAX_BODY);
        parser.setMaxParts(8);
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body)), Invocable.InvocationType.BLOCKING).get()) {
            MultiPart.Part csrf = parts.getFirst("csrf");
            MultiPart.Part file = parts.getFirst("file");
            byte[] bytes = null;
            String name = null;
            if (file != null) {
                try (InputStream in = Content.Source.asInputStream(file.createContentSource())) {
                    bytes = in.readAllBytes();
                }
                name = file.getFileName() == null ? "" : file.getFileName();
            }
            return Optional.of(new Upload(csrf == null ? null : csrf.getContentAsString(StandardCharsets.UTF_8), name, bytes));
        } catch (ExecutionException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The content type a file is checked as, by its name; null for one that is not a submission. */
    private static String uploadType(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return "application/json";
        }
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            return "text/csv";
        }
        return n.endsWith(".xlsx") ? Classroom.XLSX : null;
    }

    // ---- the teacher

    private Reply teacherRoute(Request request, List<String> parts, String method, Messages m) {
        Optional<String> credential = cookie(request, TEACHER_COOKIE).filter(config.teacher()::matchesCookie);
        boolean signedIn = credential.isPresent();
        if (parts.size() == 1) {
            requireGet(method);
            return signedIn ? teacher(credential.get(), m) : teacherSignIn(request, 200, null, m);
        }
        if (parts.size() == 2 && parts.get(1).equals("sign-in")) {
            requirePost(method);
            MultiMap<String> form = form(request, m);
            String expected = cookie(request, FORM_COOKIE).orElse("");
            String sent = Optional.ofNullable(form.getValue("csrf")).orElse("");
            if (expected.isEmpty() || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    sent.getBytes(StandardCharsets.UTF_8))) {
                return notice(403, null, m, "serve.csrf");
            }
            String token = Optional.ofNullable(form.getValue("token")).orElse("").strip();
            if (!config.teacher().matches(token)) {
                return teacherSignIn(request, 401, m.get("serve.teacher.wrong-token"), m);
            }
            return new Reply(303, "text/plain; charset=utf-8", "", List.of()).with("Location", "/teacher")
                    .with("Set-Cookie", cookie(request, TEACHER_COOKIE, config.teacher().cookie(), "/"))
                    .with("Set-Cookie", expired(request, FORM_COOKIE, "/teacher"));
        }
        if (parts.size() == 2 && (parts.get(1).equals("gradebook.csv") || parts.get(1).equals("attempts.csv"))) {
            requireGet(method);
            if (!signedIn) {
                return teacherSignIn(request, 401, null, m);
            }
            String problem = Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("problem");
            Optional<ProblemSource> s = problem == null ? Optional.empty() : classroom.source(problem);
            if (s.isEmpty()) {
                return notice(404, null, m, "serve.not-found");
            }
            String csv = parts.get(1).equals("gradebook.csv") ? classroom.gradebook(s.get())
                    : classroom.attemptsCsv(s.get());
            String file = classroom.idOf(s.get()) + "-" + parts.get(1);
            return new Reply(200, "text/csv; charset=utf-8", csv, List.of())
                    .with("Content-Disposition", "attachment; filename=\"" + file + "\"");
        }
        return notice(404, null, m, "serve.not-found");
    }

    private Reply teacherSignIn(Request request, int status, String error, Messages m) {
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ServedPages.SignIn page = new ServedPages.SignIn(frame(m, m.get("serve.teacher.heading"), null, null), nonce,
                m.get("serve.teacher.where"), error);
        return html(status, ServedPages.teacherSignIn(page)).with("Set-Cookie", cookie(request, FORM_COOKIE, nonce, "/teacher"));
    }

    private byte[] randomBytes() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return b;
    }

    private Reply teacher(String credential, Messages m) {
        List<String> ids = config.roster().ids().stream().sorted().toList();
        List<ServedPages.ClassProblem> problems = new ArrayList<>();
        for (String pid : classroom.problemIds()) {
            ProblemSource s = classroom.source(pid).orElseThrow();
            Map<String, List<Attempt>> byStudent = new LinkedHashMap<>();
            for (Attempt a : config.store().attemptsOn(pid)) {
                byStudent.computeIfAbsent(a.student(), k -> new ArrayList<>()).add(a);
            }
            Map<String, Attempt> counted = config.store().counted(pid, config.deadline());
            List<ServedPages.StudentRow> rows = new ArrayList<>();
            double sum = 0;
            for (String id : ids) {
                List<Attempt> mine = byStudent.getOrDefault(id, List.of());
                Attempt c = counted.get(id);
                if (c != null) {
                    sum += c.score();
                }
                rows.add(new ServedPages.StudentRow(id, config.roster().nameOf(id), mine.size(),
                        c == null ? "–" : score(c, m), mine.isEmpty() ? "–" : TIME.format(mine.get(mine.size() - 1).time())));
            }
            double max = classroom.maxScore(s, ids.isEmpty() ? "" : ids.get(0));
            String mean = counted.isEmpty() ? "–" : m.points(Classroom.round(sum / counted.size()));
            String summary = m.get("serve.teacher.summary", counted.size(), ids.size(), mean, m.points(max));
            problems.add(new ServedPages.ClassProblem(pid, s.forStudent(ids.isEmpty() ? "" : ids.get(0)).problem().title(),
                    summary, "/teacher/gradebook.csv?problem=" + pid, "/teacher/attempts.csv?problem=" + pid,
                    mistakes(counted.values()), rows));
        }
        String csrf = csrf(credential);
        // a class checking during a lab is watched live: the page reloads itself
        ServedPages.Teacher page = new ServedPages.Teacher(frame(m, m.get("serve.teacher.heading"),
                m.get("serve.teacher.who"), csrf).refreshingEvery(TEACHER_REFRESH_SECONDS), deadlineText(m), problems);
        return html(200, ServedPages.teacher(page));
    }

    /** Per quantity, how many counted attempts have it wrong, and their diagnoses by frequency. */
    private static List<ServedPages.Mistake> mistakes(Collection<Attempt> counted) {
        Map<String, Integer> wrong = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> codes = new LinkedHashMap<>();
        for (Attempt a : counted) {
            JsonNode report;
            try {
                report = MAPPER.readTree(a.check().reportJson());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode q : report.path("quantities")) {
                String name = q.path("name").asText();
                wrong.putIfAbsent(name, 0);
                String status = q.path("status").asText();
                if (!q.path("passed").asBoolean() && !status.equals("missing")) {
                    wrong.merge(name, 1, Integer::sum);
                }
            }
            a.check().diagnoses().forEach((q, list) -> {
                for (String code : list) {
                    codes.computeIfAbsent(q, k -> new LinkedHashMap<>()).merge(code, 1, Integer::sum);
                }
            });
        }
        List<ServedPages.Mistake> out = new ArrayList<>();
        wrong.forEach((q, n) -> {
            if (n > 0) {
                List<Map.Entry<String, Integer>> byCount = new ArrayList<>(codes.getOrDefault(q, Map.of()).entrySet());
                byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                List<String> texts = new ArrayList<>();
                for (Map.Entry<String, Integer> e : byCount) {
                    texts.add(e.getKey() + " ×" + e.getValue());
                }
                out.add(new ServedPages.Mistake(q, n, String.join(", ", texts)));
            }
        });
        out.sort(Comparator.comparingInt(ServedPages.Mistake::wrong).reversed());
        return out;
    }

    // ---- shared

    private String studentToken(String student) {
        return config.tokens().tokenOf(student);
    }

    /** The form token of a credential: whoever can read it has the credential already. */
    static String csrf(String credential) {
        byte[] h = Tokens.sha256("nngrade/form/v1\n" + credential);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    }

    private static boolean csrfMatches(String credential, String sent) {
        return sent != null && MessageDigest.isEqual(csrf(credential).getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private String cookie(Request request, String name, String value, String path) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure(request) ? "; Secure" : "");
    }

    private String expired(Request request, String name, String path) {
        return name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(request) ? "; Secure" : "");
    }

    /**
     * Whether the browser reached us over https: --secure-cookies, or a proxy on this machine
     * (nginx, Caddy) that says so; a header from anywhere else is not believed.
     */
    private boolean secure(Request request) {
        if (config.secureCookies() || request.isSecure()) {
            return true;
        }
        boolean local = request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress a
                && a.getAddress() != null && a.getAddress().isLoopbackAddress();
        return local && "https".equalsIgnoreCase(request.getHeaders().get(HttpHeader.X_FORWARDED_PROTO));
    }

    private static Optional<String> cookie(Request request, String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name) && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    private MultiMap<String> form(Request request, Messages m) {
        return decodeForm(Api.body(request), m);
    }

    /** The most fields a form of ours may have: the largest problem's cells, many times over. */
    static final int MAX_FIELDS = 20_000;

    /** A form's fields; a body that is not a form (bad %-escapes, not UTF-8, too many fields) is a 400 page. */
    private MultiMap<String> decodeForm(byte[] body, Messages m) {
        MultiMap<String> form = new MultiMap<>();
        try {
            UrlEncoded.decodeTo(new String(body, StandardCharsets.UTF_8), form, StandardCharsets.UTF_8, MAX_FIELDS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Refused(message(400, null, m, "serve.form.unreadable.heading", m.get("serve.form.unreadable")));
        }
        return form;
    }

    private static String score(Attempt a, Messages m) {
        return m.get("points", m.points(Classroom.round(a.score())), m.points(Classroom.round(a.maxScore())));
    }

    /** A student as the pages name them: the roster's name beside the id, when it has one. */
    private String shownName(String id) {
        String name = config.roster().nameOf(id);
        return name == null || name.isBlank() ? id : name + " (" + id + ")";
    }

    /** The bar's "who": a student's name from the roster beside the id, when it has one. */
    private ServedPages.Frame frame(Messages m, String title, String who, String csrf) {
        return new ServedPages.Frame(m, title, who == null || !config.roster().ids().contains(who) ? who : shownName(who), csrf);
    }

    private Reply notice(int status, String student, Messages m, String key) {
        return message(status, student, m, key + ".heading", m.get(key));
    }

    private Reply message(int status, String student, Messages m, String headingKey, String text) {
        String csrf = student == null ? null : csrf(studentToken(student));
        String href = student == null ? null : "/";
        ServedPages.Notice page = new ServedPages.Notice(frame(m, m.get(headingKey), student, csrf), m.get(headingKey),
                text, href, href == null ? null : m.get("serve.home.heading"));
        return html(status, ServedPages.notice(page));
    }

    private static Reply html(int status, String body) {
        Reply r = new Reply(status, HTML, body, List.of()).with("Content-Security-Policy", CSP)
                .with("X-Frame-Options", "DENY");
        // a student signs in with a link, the teacher with a form; the challenge RFC 9110 asks of a 401 says so
        return status == 401 ? r.with("WWW-Authenticate", "Bearer realm=\"nngrade\"") : r;
    }

    private static void requireGet(String method) {
        require(method, "GET");
    }

    private static void requirePost(String method) {
        require(method, "POST");
    }

    private static void require(String method, String allowed) {
        Api.requireMethod(method, allowed);
    }

    private static String script() {
        try (InputStream in = Pages.class.getResourceAsStream("nngrade.js")) {
            if (in == null) {
                throw new IllegalStateException("nngrade.js is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("nngrade.js could not be read from the jar", e);
        }
    }
}
