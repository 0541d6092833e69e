package nngrade.report;

import nngrade.report.html.serve.JtehomeGenerated;
import nngrade.report.html.serve.JtenoticeGenerated;
import nngrade.report.html.serve.JteproblemGenerated;
import nngrade.report.html.serve.JtesignedinGenerated;
import nngrade.report.html.serve.JteswitchGenerated;
import nngrade.report.html.serve.JteteacherGenerated;
import nngrade.report.html.serve.JteteachersigninGenerated;

import java.util.List;

/**
 * The pages of {@code nngrade serve} (templates src/main/jte/serve/). Every text is passed as it
 * is, a student's id and name included: the templates escape it; the only HTML passed in is the
 * problem's statement, as the task sheet renders it.
 */
public final class ServedPages {
    private ServedPages() {
    }

    /**
     * @param who     who is signed in, shown in the bar; null when no one is
     * @param csrf    the form token of the sign-out button; null when no one is signed in
     * @param refresh seconds after which the page reloads itself (the teacher's live class), 0 for never
     */
    public record Frame(Messages m, String title, String who, String csrf, int refresh) {
        public Frame(Messages m, String title, String who, String csrf) {
            this(m, title, who, csrf, 0);
        }

        /** The same page, reloading itself every {@code seconds}. */
        public Frame refreshingEvery(int seconds) {
            return new Frame(m, title, who, csrf, seconds);
        }
    }

    /** A page that says one thing, with a way on when there is one ({@code href} may be null). */
    public record Notice(Frame frame, String heading, String text, String href, String linkText) {
    }

    /** Switching students on one browser: a form to {@code action}, or a link back to stay. */
    public record Switch(Frame frame, String heading, String text, String action, String csrf, String button,
                         String stay) {
    }

    /** @param deadline the deadline in words, or null without one */
    public record Home(Frame frame, String deadline, List<ProblemRow> problems) {
        public Home {
            problems = List.copyOf(problems);
        }
    }

    /** @param score the counted score as "3 / 19", or "–" before the first check */
    public record ProblemRow(String href, String id, String title, int attempts, String score) {
    }

    /**
     * @param notice          a line above the sheet (the deadline, checks closed, answers revealed), or null
     * @param feedback        the report of the attempt shown, or null
     * @param feedbackHeading what it is ("Attempt 3 · 10:04:31"), when there is one
     * @param errors          why the answers sent could not be checked (nothing was stored), else empty
     * @param form            the answer form, null once checks are closed
     * @param worked          the student's own worked solution, null unless answers are revealed
     */
    public record ProblemPage(Frame frame, TaskSheet.Sheet sheet, String notice, CheckHtml.Page feedback,
                              String feedbackHeading, List<String> errors, Form form, List<AttemptRow> attempts,
                              Worked worked) {
        public ProblemPage {
            errors = List.copyOf(errors);
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * The section of a problem page with the student's own worked solution.
     *
     * @param articleHtml the solution as {@code WorkedHtml.article} writes it: HTML, every text in it
     *                    escaped and every formula MathML of our own
     * @param pageHref    the same solution on a page of its own
     */
    public record Worked(String heading, String intro, String articleHtml, String pageHref, String pageText) {
    }

    /**
     * @param checksLeft e.g. "4 checks left this hour", or null without a limit
     * @param canCheck   false when no check is left this hour: the buttons are off
     */
    public record Form(String action, String uploadAction, String csrf, List<Field> fields, String checksLeft,
                       boolean canCheck) {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One asked quantity: a grid of its shape.
     *
     * @param pasteName the field a whole matrix may be pasted into, null for a single number
     * @param error     why the values typed cannot be read, or null
     */
    public record Field(String name, String shape, List<List<Cell>> rows, String pasteName, String paste, String error) {
        public Field {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** @param label what a screen reader says for it ("dW1, row 1, column 2") */
    public record Cell(String name, String value, boolean bad, String label) {
    }

    /** @param current whether it is the attempt the page shows */
    public record AttemptRow(String href, int number, String time, String score, boolean current) {
    }

    /** @param where where the teacher's token is kept (a path on the server), said so the teacher finds it */
    public record SignIn(Frame frame, String csrf, String where, String error) {
    }

    public record Teacher(Frame frame, String deadline, List<ClassProblem> problems) {
        public Teacher {
            problems = List.copyOf(problems);
        }
    }

    /** @param summary e.g. "12 of 30 students have checked; mean counted score 11.4 / 19" */
    public record ClassProblem(String id, String title, String summary, String gradebookHref, String attemptsHref,
                               List<Mistake> mistakes, List<StudentRow> rows) {
        public ClassProblem {
            mistakes = List.copyOf(mistakes);
            rows = List.copyOf(rows);
        }
    }

    /** @param wrong how many counted attempts have it wrong; {@code codes} their diagnoses, most frequent first */
    public record Mistake(String quantity, int wrong, String codes) {
    }

    public record StudentRow(String id, String name, int attempts, String score, String last) {
    }

    public static String notice(Notice page) {
        PageOutput out = new PageOutput();
        JtenoticeGenerated.render(out, null, page);
        return out.toString();
    }

    /** The answer to a student's link: moves on to {@code page.href()} at once. */
    public static String signedIn(Notice page) {
        PageOutput out = new PageOutput();
        JtesignedinGenerated.render(out, null, page);
        return out.toString();
    }

    public static String switchStudent(Switch page) {
        PageOutput out = new PageOutput();
        JteswitchGenerated.render(out, null, page);
        return out.toString();
    }

    public static String home(Home page) {
        PageOutput out = new PageOutput();
        JtehomeGenerated.render(out, null, page);
        return out.toString();
    }

    public static String problem(ProblemPage page) {
        PageOutput out = new PageOutput();
        JteproblemGenerated.render(out, null, page);
        return out.toString();
    }

    public static String teacherSignIn(SignIn page) {
        PageOutput out = new PageOutput();
        JteteachersigninGenerated.render(out, null, page);
        return out.toString();
    }

    public static String teacher(Teacher page) {
        PageOutput out = new PageOutput();
        JteteacherGenerated.render(out, null, page);
        return out.toString();
    }
}
