package nngrade.grade;

import nngrade.grade.SubmissionFinder.Target;
import nngrade.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmissionFinderTest {

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }

    private static List<String> names(Path root, SubmissionFinder.Found found) {
        return found.files().stream().map(f -> root.relativize(Path.of(f.source())).toString()).toList();
    }

    @Test
    void findsAnswersAtAnyDepthSortedAndSkipsHiddenAndOtherFiles(@TempDir Path t) throws IOException {
        for (String f : List.of("b.json", "a.CSV", "g1/c.json", "g1/deep/d.csv", "f.xlsx", "notes.pdf", ".hidden.json",
                "g2/e.txt", "README.md", "g2/LICENSE", ".git/config.json", "Thumbs.db", "g1/build.gradle")) {
            write(t.resolve(f));
        }
        SubmissionFinder.Found found = SubmissionFinder.find(List.of(t), List.of());
        // a PDF or a text file is its student's row, saying it cannot be graded
        assertEquals(List.of("a.CSV", "b.json", "f.xlsx", "g1/c.json", "g1/deep/d.csv", "g2/e.txt", "notes.pdf"),
                names(t, found));
        assertEquals(List.of("a", "b", "f", "c", "d", "e", "notes"), found.files().stream().map(SubmissionFile::id).toList());
        assertEquals(List.of(true, true, true, true, true, false, false),
                found.files().stream().map(SubmissionFile::supported).toList());
        assertEquals(Files.getLastModifiedTime(t.resolve("b.json")), found.files().get(1).modified());
    }

    @Test
    void aFileNamedTwiceIsFoundOnce(@TempDir Path t) throws IOException {
        Path ana = write(t.resolve("in/ana.json"));
        write(t.resolve("in/ion.json"));
        SubmissionFinder.Found found = SubmissionFinder.find(List.of(t.resolve("in"), ana,
                t.resolve("in/../in/ana.json")), List.of());
        assertEquals(List.of("in/ana.json", "in/ion.json"), names(t, found));
    }

    /** A link inside the submissions is its target; one that leaves them is a hand-in never opened. */
    @Test
    void aLinkIsItsTargetOnlyInsideTheSubmissions(@TempDir Path t) throws IOException {
        Path outside = write(t.resolve("elsewhere/bob.json"));
        Path inside = write(t.resolve("in/real/ana.json"));
        Files.createSymbolicLink(t.resolve("in/ana.json"), inside);
        Files.createSymbolicLink(t.resolve("in/bob.json"), outside);
        SubmissionFinder.Found found = SubmissionFinder.find(List.of(t.resolve("in")), List.of());
        assertEquals(List.of("in/ana.json", "in/bob.json", "in/real/ana.json"), names(t, found));
        assertEquals(new Location.OnDisk(inside.toRealPath()), found.files().get(0).location());
        assertEquals(new Location.Refused(SubmissionFinder.LINK_OUTSIDE), found.files().get(1).location());
    }

    /**
     * A link to a folder is never walked, inside the submissions or out: in a folder per student
     * it is the row of the student whose folder it is, with why in its location; leading out, it
     * is also a warning line.
     */
    @Test
    void aLinkToAFolderIsItsStudentsRowNeverWalked(@TempDir Path t) throws IOException {
        Path outside = write(t.resolve("elsewhere/answers.json")).getParent();
        write(t.resolve("in/hw1-ana/answers.json"));
        write(t.resolve("in/hw1-dan/answers.json"));
        Files.createSymbolicLink(t.resolve("in/hw1-bob"), t.resolve("in/hw1-ana"));
        Files.createSymbolicLink(t.resolve("in/hw1-eve"), outside);
        SubmissionFinder.Found found = SubmissionFinder.find(List.of(t.resolve("in")), List.of());
        assertEquals(List.of("in/hw1-ana/answers.json", "in/hw1-bob", "in/hw1-dan/answers.json", "in/hw1-eve"),
                names(t, found));
        assertEquals(List.of("ana", "bob", "dan", "eve"), found.files().stream().map(SubmissionFile::id).toList());
        assertEquals(new Location.Unwalked("hw1-bob " + SubmissionFinder.LINK_FOLDER), found.files().get(1).location());
        assertEquals(new Location.Unwalked("hw1-eve " + SubmissionFinder.LINK_OUTSIDE_FOLDER),
                found.files().get(3).location());
        assertEquals(List.of(t.resolve("in/hw1-eve") + ": " + SubmissionFinder.LINK_OUTSIDE_FOLDER), found.unreadable());
    }

    @Test
    void anOutputInsideAnyInputIsRefused(@TempDir Path t) throws IOException {
        write(t.resolve("in/ana.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> SubmissionFinder.find(List.of(t.resolve("in")),
                List.of(new Target("--out", t.resolve("graded")), new Target("--junit-xml", t.resolve("in/junit.xml")))));
        assertEquals("command line: --junit-xml: " + t.resolve("in/junit.xml") + " is inside the submissions folder "
                + t.resolve("in") + "; nngrade never writes there: choose another file", e.errors().get(0).oneLine());
        BadInputException onFile = assertThrows(BadInputException.class, () -> SubmissionFinder.find(
                List.of(t.resolve("in/ana.json")), List.of(new Target("--gradescope", t.resolve("in/ana.json")))));
        assertTrue(onFile.errors().get(0).oneLine().contains("is the submission"), onFile.errors().get(0)::oneLine);
    }

    @Test
    void aMissingInputIsNamed(@TempDir Path t) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> SubmissionFinder.find(List.of(t.resolve("nope")), List.of()));
        assertEquals(t.resolve("nope") + ": no such file or folder", e.errors().get(0).oneLine());
    }

    @Test
    void anUnusedTargetIsNoRefusal(@TempDir Path t) throws IOException {
        write(t.resolve("in/ana.json"));
        assertEquals(1, SubmissionFinder.find(List.of(t.resolve("in")), List.of(new Target("--junit-xml", null))).files().size());
    }
}
