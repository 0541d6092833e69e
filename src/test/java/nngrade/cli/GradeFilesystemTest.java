package nngrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static nngrade.cli.GradeRuns.NOTES;
import static nngrade.cli.GradeRuns.grade;
import static nngrade.cli.GradeRuns.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * grade on what a file system holds besides files (issue 14): links that leave the submissions,
 * pipes, a linked submissions folder, an unreadable folder, node_modules, names saved in another
 * Unicode form. Nothing hangs, nothing outside the submissions is read, no student is lost.
 */
class GradeFilesystemTest {
    private static final String SECRET = "correct-horse-battery-staple-7731";

    @TempDir
    Path tmp;

    private static List<String> rows(Path out) {
        return GradeRuns.gradebookRows(out).stream()
                .map(r -> r.get("id") + " " + r.get("status") + " " + r.get("score") + " | " + r.get("note")).toList();
    }

    private static String everything(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** A student repository's link to the teacher's secret is a row saying so; the secret is read by no one. */
    @Test
    void aLinkOutOfTheSubmissionsIsARowAndItsTargetIsNeverRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET + "\n");
        Path in = tmp.resolve("in");
        submission(in, "ana.json", "perfect.json", "ana");
        Files.createSymbolicLink(in.resolve("evil.csv"), secret);
        Files.createSymbolicLink(in.resolve("same.json"), in.resolve("ana.json")); // inside: it is that file
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--format", "html,md,json", "--junit-xml", tmp.resolve("junit.xml"));
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "evil invalid 0 | is a link to a file outside the submissions folder; not read",
                "same graded 9 | the file's student field says \"ana\": graded as the hand-in of same, where it sits"),
                rows(out));
        assertFalse(run.all().contains(SECRET), run.all());
        assertFalse(everything(out).contains(SECRET), "the secret reached --out");
        assertFalse(Files.readString(tmp.resolve("junit.xml")).contains(SECRET));
    }

    /** A pipe in a folder, or named as an input, is a row: never opened, so never waited on. */
    @Test
    void aPipeIsARowAndNothingWaitsOnIt() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is not installed");
        Path in = tmp.resolve("in");
        submission(in, "ana.json", "perfect.json", "ana");
        Process p = new ProcessBuilder("/usr/bin/mkfifo", in.resolve("bob.json").toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0);
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "bob invalid 0 | is not a regular file (a pipe, a socket or a device); not read"),
                rows(tmp.resolve("out")));
        GradeRuns.Run named = grade(NOTES, in.resolve("bob.json"), "--out", tmp.resolve("out2"));
        assertEquals(1, named.code(), named.all());
        assertEquals(List.of("bob invalid 0 | is not a regular file (a pipe, a socket or a device); not read"),
                rows(tmp.resolve("out2")));
    }

    /** Two pipes in two inputs share their reason, not their place: two rows, neither student lost. */
    @Test
    void twoPipesInTwoInputsAreTwoRows() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is not installed");
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Process p = new ProcessBuilder("/usr/bin/mkfifo", a.resolve("bob.json").toString(), b.resolve("carl.json").toString())
                .start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0);
        GradeRuns.Run run = grade(NOTES, a, b, "--out", tmp.resolve("out"));
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("bob invalid 0 | is not a regular file (a pipe, a socket or a device); not read",
                "carl invalid 0 | is not a regular file (a pipe, a socket or a device); not read"), rows(tmp.resolve("out")));
    }

    /** A pipe named as the roster or the problem is refused in one line, not waited on. */
    @Test
    void aPipeAsRosterOrProblemIsOneLine() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is not installed");
        Path fifo = tmp.resolve("fifo.csv");
        Process p = new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0);
        GradeRuns.Run roster = grade(NOTES, "submissions-sample/perfect.json", "--roster", fifo, "--out", tmp.resolve("out"));
        assertEquals(2, roster.code(), roster.all());
        assertEquals(fifo + ": is not a regular file (a pipe, a socket or a device); expected a roster file"
                + System.lineSeparator(), roster.err());
        GradeRuns.Run problem = grade(fifo, "submissions-sample/perfect.json", "--out", tmp.resolve("out"));
        assertEquals(2, problem.code(), problem.all());
        assertTrue(problem.err().startsWith(fifo + ": is not a regular file"), problem.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    /** A submissions folder given as a link is the folder it leads to, its files named below the link. */
    @Test
    void aLinkedSubmissionsFolderIsGradedAsTheFolder() throws IOException {
        Path real = tmp.resolve("real");
        submission(real, "ana.json", "perfect.json", "ana");
        submission(real.resolve("g1"), "ion.json", "notes.json", "ion");
        Path link = Files.createSymbolicLink(tmp.resolve("subs"), real);
        GradeRuns.Run run = grade(NOTES, link, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "ion graded 4 | "), rows(tmp.resolve("out")));
        assertEquals(List.of(link.resolve("ana.json").toString(), link.resolve("g1/ion.json").toString()),
                GradeRuns.gradebookRows(tmp.resolve("out")).stream().map(r -> r.get("file")).toList());
    }

    private static final String SECRET_NAME = "private-name-5512";
    private static final String FOLDER_OUTSIDE = "is a link to a folder outside the submissions folder; not read";
    private static final String FOLDER_NOT_FOLLOWED = "is a link to a folder; not followed: a folder is graded only where "
            + "it really is";

    /**
     * A folder outside the submissions, as a teacher's home holds one: answers a walk would read
     * (their text the secret) and a file whose very name is private.
     */
    private Path secretFolder() throws IOException {
        Path secret = Files.createDirectories(tmp.resolve("home/private"));
        Files.writeString(secret.resolve("answers.json"), SECRET + "\n");
        Files.writeString(secret.resolve(SECRET_NAME + ".json"), "{\"student\": \"" + SECRET + "\"}\n");
        return secret;
    }

    /** Neither the secret nor the private name is in the run's messages, in --out, or in the other outputs. */
    private static void assertNothingLeaked(GradeRuns.Run run, Path... outputs) throws IOException {
        assertFalse(run.all().contains(SECRET) || run.all().contains(SECRET_NAME), run.all());
        for (Path o : outputs) {
            String written = Files.isDirectory(o) ? everything(o) : Files.readString(o, StandardCharsets.ISO_8859_1);
            assertFalse(written.contains(SECRET), "the secret reached " + o);
            assertFalse(written.contains(SECRET_NAME), "a name inside the linked folder reached " + o);
        }
    }

    /**
     * A folder per student (GitHub Classroom's clones): a student's folder that is a link out of
     * the submissions, or a link to such a folder inside a student's folder, is that student's
     * invalid row saying so (beside answers, a note on their graded row) and a warning; nothing
     * behind the link is listed or opened. Exit 1.
     */
    @Test
    void aLinkToAFolderOutsideIsItsStudentsRow() throws IOException {
        Path secret = secretFolder();
        Path in = tmp.resolve("in");
        submission(in.resolve("hw1-ana"), "answers.json", "perfect.json", "ana");
        submission(in.resolve("hw1-bob"), "answers.json", "perfect.json", "bob");
        submission(in.resolve("hw1-dan"), "answers.json", "perfect.json", "dan");
        Files.createSymbolicLink(in.resolve("hw1-dan/more"), secret);
        Files.createSymbolicLink(in.resolve("hw1-eve"), secret);
        Files.createDirectories(in.resolve("hw1-fay"));
        Files.createSymbolicLink(in.resolve("hw1-fay/work"), secret);
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out, "--format", "html,md,json", "--junit-xml", tmp.resolve("junit.xml"));
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "bob graded 9 | ", "dan graded 9 | hw1-dan/more " + FOLDER_OUTSIDE,
                "eve invalid 0 | hw1-eve " + FOLDER_OUTSIDE, "fay invalid 0 | hw1-fay/work " + FOLDER_OUTSIDE), rows(out));
        for (String link : List.of("hw1-dan/more", "hw1-eve", "hw1-fay/work")) {
            assertTrue(run.err().contains("warning: " + in.resolve(link) + ": " + FOLDER_OUTSIDE), run.err());
        }
        assertFalse(run.all().contains(secret.toString()), "the link's target is named: " + run.all());
        assertNothingLeaked(run, out, tmp.resolve("junit.xml"));
    }

    /** With a roster, the student whose folder is a link out is invalid, never "missing": they handed in. */
    @Test
    void withARosterAStudentFolderLinkedOutIsInvalidNotMissing() throws IOException {
        Path secret = secretFolder();
        Path in = tmp.resolve("in");
        submission(in.resolve("ana"), "answers.json", "perfect.json", "ana");
        Files.createSymbolicLink(in.resolve("eve"), secret);
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id\nana\neve\nzed\n");
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--roster", roster, "--layout", "folders", "--out", out);
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "eve invalid 0 | eve " + FOLDER_OUTSIDE, "zed missing 0 | no submission"),
                rows(out));
        assertNothingLeaked(run, out);
    }

    /** Moodle's folder of one participant, a link out of the download: that participant's invalid row, by its number. */
    @Test
    void aMoodleFolderLinkedOutIsItsParticipantsRow() throws IOException {
        Path secret = secretFolder();
        Path in = tmp.resolve("in");
        String linked = "Ion Vasile_1003_assignsubmission_file_";
        submission(in.resolve("Ana Popescu_1001_assignsubmission_file_"), "answers.json", "perfect.json", null);
        submission(in.resolve("Maria Pop_1004_assignsubmission_file_"), "answers.json", "perfect.json", null);
        Files.createSymbolicLink(in.resolve(linked), secret);
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id,name\n1001,Ana Popescu\n1003,Ion Vasile\n1004,Maria Pop\n");
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--roster", roster, "--out", out);
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("1001 graded 9 | ", "1003 invalid 0 | " + linked + " " + FOLDER_OUTSIDE, "1004 graded 9 | "),
                rows(out));
        assertTrue(run.err().contains("warning: " + in.resolve(linked) + ": " + FOLDER_OUTSIDE), run.err());
        assertNothingLeaked(run, out);
    }

    /**
     * A link to a folder that stays inside the submissions is not followed either: bob's folder
     * linked to ana's would grade her answers as his too. Ana's files are graded once, as hers;
     * bob, with nothing else, is an invalid row saying his link was not followed; carl's link
     * beside his own answers is a note on his row. Nothing is left unread, so no warning.
     */
    @Test
    void aLinkToAClassmatesFolderIsNotFollowed() throws IOException {
        Path in = tmp.resolve("in");
        submission(in.resolve("hw1-ana"), "answers.json", "perfect.json", "ana");
        Files.createSymbolicLink(in.resolve("hw1-bob"), in.resolve("hw1-ana"));
        submission(in.resolve("hw1-carl"), "answers.json", "notes.json", "carl");
        Files.createSymbolicLink(in.resolve("hw1-carl/copy"), in.resolve("hw1-ana"));
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out);
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "bob invalid 0 | hw1-bob " + FOLDER_NOT_FOLLOWED,
                "carl graded 4 | hw1-carl/copy " + FOLDER_NOT_FOLLOWED), rows(out));
        assertEquals(List.of(in.resolve("hw1-ana/answers.json").toString(), in.resolve("hw1-bob").toString(),
                in.resolve("hw1-carl/answers.json").toString()),
                GradeRuns.gradebookRows(out).stream().map(r -> r.get("file")).toList());
        assertFalse(run.err().contains("warning: "), run.err());
    }

    /**
     * A file per student: a link to a folder is no one's. Leading out, it is a warning naming it
     * (exit 1) and nothing behind it is read; staying inside, its folder is graded where it is,
     * once, without a warning.
     */
    @Test
    void inAFilePerStudentClassALinkToAFolderIsNoOnesRow() throws IOException {
        Path secret = secretFolder();
        Path in = tmp.resolve("in");
        submission(in, "ana.json", "perfect.json", "ana");
        submission(in.resolve("g1"), "ion.json", "notes.json", "ion");
        Files.createSymbolicLink(in.resolve("group"), secret);
        Files.createSymbolicLink(in.resolve("g2"), in.resolve("g1"));
        Path out = tmp.resolve("out");
        GradeRuns.Run run = grade(NOTES, in, "--out", out);
        assertEquals(1, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | ", "ion graded 4 | "), rows(out));
        assertTrue(run.err().contains("warning: " + in.resolve("group") + ": " + FOLDER_OUTSIDE), run.err());
        assertFalse(run.err().contains("g2"), run.err());
        assertNothingLeaked(run, out);
    }

    /** A class laid out in {@code in} (a folder below {@code base}); returns the further arguments of its grade run. */
    @FunctionalInterface
    private interface ClassSetup {
        List<String> make(Path base, Path in) throws IOException;
    }

    /** A run on a class with folders nngrade may not read: its result, its gradebook's rows, its input. */
    private record LockedRun(GradeRuns.Run run, List<String> rows, Path in) {
    }

    /**
     * grade on the class {@code setup} makes, with the folders {@code locked} (relative to the
     * input) made unreadable. Root reads every folder, so as root the run is made as the user
     * nobody (setpriv), from a copy of the class path that user can read.
     */
    private LockedRun gradeWithLocked(ClassSetup setup, List<String> locked) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/bin/setpriv")), "as root, setpriv is needed to run as nobody");
        Path base = root ? Files.createTempDirectory(Path.of("/tmp"), "nngrade-nobody-") : tmp;
        Path in = base.resolve("in");
        try {
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.createDirectories(in);
            List<String> extra = setup.make(base, in);
            Path problem = Files.copy(Path.of(NOTES), base.resolve("problem.json"));
            try (Stream<Path> s = Files.walk(base)) {
                for (Path p : s.filter(p -> !p.equals(base)).toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            for (String l : locked) {
                Files.setPosixFilePermissions(in.resolve(l), PosixFilePermissions.fromString("---------"));
            }
            Path out = base.resolve("out");
            GradeRuns.Run run;
            if (root) {
                run = asNobody(base, problem, in, out, extra);
            } else {
                List<Object> args = new ArrayList<>(List.of(problem, in, "--out", out));
                args.addAll(extra);
                run = grade(args.toArray());
            }
            return new LockedRun(run, Files.exists(out) ? rows(out) : List.of(), in);
        } finally {
            for (String l : locked) {
                Files.setPosixFilePermissions(in.resolve(l), PosixFilePermissions.fromString("rwx------"));
            }
            if (root) {
                try (Stream<Path> s = Files.walk(base)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /**
     * A file per student: a folder nngrade may not read is no one's (a group folder), so it is a
     * warning naming it; everyone else is graded, exit 1.
     */
    @Test
    void anUnreadableGroupFolderIsAWarningAndTheClassIsGraded() throws IOException, InterruptedException {
        LockedRun r = gradeWithLocked((base, in) -> {
            submission(in, "ana.json", "perfect.json", "ana");
            submission(in.resolve("locked"), "bob.json", "perfect.json", "bob");
            return List.of();
        }, List.of("locked"));
        assertEquals(1, r.run().code(), r.run().all());
        assertEquals(List.of("ana graded 9 | "), r.rows());
        assertTrue(r.run().err().contains("warning: " + r.in().resolve("locked") + ": cannot be read: permission denied; "
                + "nothing in it is graded"), r.run().err());
    }

    /**
     * A folder per student (GitHub Classroom's clones), no roster: a student's folder nngrade may
     * not read is that student's invalid row saying so, not a student lost; exit 1.
     */
    @Test
    void anUnreadableStudentFolderIsTheStudentsRow() throws IOException, InterruptedException {
        LockedRun r = gradeWithLocked((base, in) -> {
            submission(in.resolve("hw1-ana"), "answers.json", "perfect.json", "ana");
            submission(in.resolve("hw1-bob"), "answers.json", "perfect.json", "bob");
            submission(in.resolve("hw1-carl"), "answers.json", "perfect.json", "carl");
            return List.of();
        }, List.of("hw1-carl"));
        assertEquals(1, r.run().code(), r.run().all());
        assertEquals(List.of("ana graded 9 | ", "bob graded 9 | ",
                "carl invalid 0 | the folder hw1-carl cannot be read: permission denied; nothing in it is graded"), r.rows());
        assertTrue(r.run().err().contains("warning: " + r.in().resolve("hw1-carl") + ": cannot be read: permission denied"),
                r.run().err());
    }

    /**
     * With a roster, a folder per student: the unreadable folder's student is invalid, never
     * "missing" (they handed in); the one without a folder is missing.
     */
    @Test
    void withARosterAnUnreadableStudentFolderIsInvalidNotMissing() throws IOException, InterruptedException {
        LockedRun r = gradeWithLocked((base, in) -> {
            submission(in.resolve("ana"), "answers.json", "perfect.json", "ana");
            submission(in.resolve("carl"), "answers.json", "perfect.json", "carl");
            Files.writeString(base.resolve("roster.csv"), "id\nana\ncarl\ndan\n");
            return List.of("--roster", base.resolve("roster.csv").toString());
        }, List.of("carl"));
        assertEquals(1, r.run().code(), r.run().all());
        assertEquals(List.of("ana graded 9 | ",
                "carl invalid 0 | the folder carl cannot be read: permission denied; nothing in it is graded",
                "dan missing 0 | no submission"), r.rows());
    }

    /** Moodle's folder of one participant, unreadable: that participant's invalid row, by the number in its name. */
    @Test
    void anUnreadableMoodleFolderIsItsParticipantsRow() throws IOException, InterruptedException {
        String locked = "Ion Vasile_1003_assignsubmission_file_";
        LockedRun r = gradeWithLocked((base, in) -> {
            submission(in.resolve("Ana Popescu_1001_assignsubmission_file_"), "answers.json", "perfect.json", null);
            submission(in.resolve("Maria Pop_1004_assignsubmission_file_"), "answers.json", "perfect.json", null);
            submission(in.resolve(locked), "answers.json", "perfect.json", null);
            Files.writeString(base.resolve("roster.csv"), "id,name\n1001,Ana Popescu\n1003,Ion Vasile\n1004,Maria Pop\n");
            return List.of("--roster", base.resolve("roster.csv").toString());
        }, List.of(locked));
        assertEquals(1, r.run().code(), r.run().all());
        assertEquals(List.of("1001 graded 9 | ",
                "1003 invalid 0 | the folder " + locked + " cannot be read: permission denied; nothing in it is graded",
                "1004 graded 9 | "), r.rows());
    }

    /**
     * A folder nngrade may not read inside a student's folder, beside their answers: the answers
     * are graded and the row says what was not; exit 1, so the teacher looks.
     */
    @Test
    void anUnreadableFolderBesideAStudentsAnswersIsANoteOnTheirRow() throws IOException, InterruptedException {
        LockedRun r = gradeWithLocked((base, in) -> {
            submission(in.resolve("hw1-ana"), "answers.json", "perfect.json", "ana");
            submission(in.resolve("hw1-ana/work"), "draft.json", "notes.json", "ana");
            submission(in.resolve("hw1-bob"), "answers.json", "perfect.json", "bob");
            return List.of("--layout", "folders");
        }, List.of("hw1-ana/work"));
        assertEquals(1, r.run().code(), r.run().all());
        assertEquals(List.of("ana graded 9 | the folder hw1-ana/work cannot be read: permission denied; nothing in it is graded",
                "bob graded 9 | "), r.rows());
    }

    /**
     * A path too long for the system inside a student's folder: beside their answers, a note on
     * their graded row; all they have, their invalid row. The class is graded, exit 1.
     */
    @Test
    void aPathTooLongInAStudentsFolderIsTheirs() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "sh makes the deep folders");
        Path in = tmp.resolve("in");
        submission(in.resolve("hw1-ana"), "answers.json", "perfect.json", "ana");
        submission(in.resolve("hw1-bob"), "answers.json", "perfect.json", "bob");
        Files.createDirectories(in.resolve("hw1-carl"));
        try {
            for (String student : List.of("hw1-ana", "hw1-carl")) {
                // each step is short, so the shell makes what no single path can name: 25 names of 200 letters
                Process p = new ProcessBuilder("sh", "-c", "n=$(printf 'd%.0s' $(seq 200)); for i in $(seq 25); do "
                        + "mkdir \"$n\" && cd -P \"$n\" || exit 1; done; echo '{}' > answers.json")
                        .directory(in.resolve(student).toFile()).start();
                assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getErrorStream().readAllBytes()));
            }
            Path out = tmp.resolve("out");
            GradeRuns.Run run = grade(NOTES, in, "--out", out);
            assertEquals(1, run.code(), run.all());
            String deep = "d".repeat(200);
            String why = "… cannot be read: file name too long; nothing in it is graded"; // the path clipped after 100 characters
            assertEquals(List.of("ana graded 9 | " + ("hw1-ana/" + deep).substring(0, 100) + why, "bob graded 9 | ",
                    "carl invalid 0 | " + ("hw1-carl/" + deep).substring(0, 100) + why), rows(out));
            assertTrue(run.err().length() < 20_000, "a path too long is named once per line: " + run.err().length());
        } finally {
            Process rm = new ProcessBuilder("rm", "-rf", in.toString()).start(); // Java cannot delete what it cannot name
            assertTrue(rm.waitFor(20, TimeUnit.SECONDS));
        }
    }

    /** grade in a JVM run as nobody, from a copy of the class path in {@code base}. */
    private static GradeRuns.Run asNobody(Path base, Path problem, Path in, Path out, List<String> extra)
            throws IOException, InterruptedException {
        Path cp = Files.createDirectories(base.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(e);
            if (Files.isRegularFile(from)) {
                entries.add(Files.copy(from, cp.resolve(n++ + "-" + from.getFileName())).toString());
            } else if (Files.isDirectory(from) && from.endsWith("classes")) {
                Path to = cp.resolve(n++ + "-classes");
                try (Stream<Path> s = Files.walk(from)) {
                    for (Path f : s.toList()) {
                        Files.copy(f, to.resolve(from.relativize(f).toString()));
                    }
                }
                entries.add(to.toString());
            }
        }
        try (Stream<Path> s = Files.walk(cp)) {
            for (Path f : s.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, entries), "nngrade.cli.Main", "grade", problem.toString(),
                in.toString(), "--out", out.toString(), "--no-step-summary");
        pb.command().addAll(extra);
        pb.redirectOutput(base.resolve("stdout.txt").toFile());
        pb.redirectError(base.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "grade as nobody finished");
        return new GradeRuns.Run(p.exitValue(), Files.readString(base.resolve("stdout.txt")),
                Files.readString(base.resolve("stderr.txt")));
    }

    @Test
    void nodeModulesAndDotFoldersAreNotWalked() throws IOException {
        Path in = tmp.resolve("in");
        submission(in, "ana.json", "perfect.json", "ana");
        submission(in.resolve("node_modules/pkg"), "package.json", "perfect.json", null);
        submission(in.resolve(".vscode"), "settings.json", "perfect.json", null);
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        assertEquals(List.of("ana graded 9 | "), rows(tmp.resolve("out")));
    }

    /**
     * Names that are not UTF-8 (Latin-1 bytes from an old system) decode alike; each keeps its
     * own bytes in its id, so two students never merge, and the note says to rename the file.
     */
    @Test
    void namesThatAreNotUtf8KeepTheirBytesAndNeverMerge() throws IOException, InterruptedException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path perfect = Path.of("submissions-sample/perfect.json").toAbsolutePath();
        // Java writes names as UTF-8; the shell writes the bytes FC (u umlaut) and F6 (o umlaut) of Latin-1
        Process p = new ProcessBuilder("sh", "-c", "grep -v student \"$1\" > \"$(printf 'm\\374ller.json')\" && "
                + "grep -v student \"$1\" > \"$(printf 'm\\366ller.json')\"", "sh", perfect.toString())
                .directory(in.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getErrorStream().readAllBytes()));
        GradeRuns.Run run = grade(NOTES, in, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        String note = "the file name is not UTF-8 text, so its id keeps those bytes as %XX; rename the file";
        assertEquals(List.of("m%F6ller graded 9 | " + note, "m%FCller graded 9 | " + note), rows(tmp.resolve("out")));
    }

    /** "josé" saved by macOS (e and a combining accent) is the roster's "josé": one student, not two. */
    @Test
    void idsAreComparedInOneUnicodeForm() throws IOException {
        Path in = tmp.resolve("in");
        submission(in, "jose\u0301.json", "perfect.json", null);
        Path roster = Files.writeString(tmp.resolve("roster.csv"), "id\njos\u00e9\n", StandardCharsets.UTF_8);
        GradeRuns.Run run = grade(NOTES, in, "--roster", roster, "--out", tmp.resolve("out"));
        assertEquals(0, run.code(), run.all());
        List<Map<String, String>> rows = GradeRuns.gradebookRows(tmp.resolve("out"));
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("jos\u00e9", rows.get(0).get("id"));
        assertEquals("graded", rows.get(0).get("status"));
    }
}
