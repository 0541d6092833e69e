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

    /**
     * One folder nngrade may not read stops nobody else's grade: a warning naming it, exit 1. Root
     * reads every folder, so as root the run is made as the user nobody (setpriv), from a copy of
     * the class path that user can read.
     */
    @Test
    void anUnreadableFolderIsAWarningAndTheClassIsGraded() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/bin/setpriv")), "as root, setpriv is needed to run as nobody");
        Path base = root ? Files.createTempDirectory(Path.of("/tmp"), "nngrade-nobody-") : tmp;
        try {
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path in = base.resolve("in");
            submission(in, "ana.json", "perfect.json", "ana");
            submission(in.resolve("locked"), "bob.json", "perfect.json", "bob");
            Path problem = Files.copy(Path.of(NOTES), base.resolve("problem.json"));
            for (Path p : List.of(in, problem, in.resolve("ana.json"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
            Files.setPosixFilePermissions(in.resolve("locked"), PosixFilePermissions.fromString("---------"));
            Path out = base.resolve("out");
            GradeRuns.Run run = root ? asNobody(base, problem, in, out) : grade(problem, in, "--out", out);
            assertEquals(1, run.code(), run.all());
            assertEquals(List.of("ana graded 9 | "), rows(out));
            assertTrue(run.err().contains("warning: " + in.resolve("locked") + ": cannot be read: permission denied"),
                    run.err());
        } finally {
            Files.setPosixFilePermissions(base.resolve("in/locked"), PosixFilePermissions.fromString("rwx------"));
            if (root) {
                try (Stream<Path> s = Files.walk(base)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** grade in a JVM run as nobody, from a copy of the class path in {@code base}. */
    private static GradeRuns.Run asNobody(Path base, Path problem, Path in, Path out) throws IOException, InterruptedException {
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
