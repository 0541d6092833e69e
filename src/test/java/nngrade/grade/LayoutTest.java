package nngrade.grade;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each layout told from the names an LMS or a teacher really gives, and the id it gives each file. */
class LayoutTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("flat folder of ids", List.of("ana.popescu.json", "ion.csv", "zoe.xlsx"), null,
                        Layout.FILES, List.of("ana.popescu", "ion", "zoe"), List.of("", "", "")),
                Arguments.of("group folders, ids unique", List.of("g1/ana.json", "g1/ion.json", "g2/zoe.json"), null,
                        Layout.FILES, List.of("ana", "ion", "zoe"), List.of("", "", "")),
                Arguments.of("group folders, one student in two of them", List.of("group-a/ana.csv", "group-a/ion.csv",
                        "group-b/ana.csv", "group-b/maria.csv"), null, Layout.FILES, List.of("ana", "ion", "ana", "maria"),
                        List.of("", "", "", "")),
                Arguments.of("GitHub Classroom clones", List.of("hw1-ana/answers.json", "hw1-ana-maria/answers.json",
                        "hw1-bob/answers.csv"), null, Layout.FOLDERS, List.of("ana", "ana-maria", "bob"), List.of("", "", "")),
                Arguments.of("GitHub Classroom, prefix cut back to its dash", List.of("tema-2-andrei/a.json",
                        "tema-2-ana/a.json"), null, Layout.FOLDERS, List.of("andrei", "ana"), List.of("", "")),
                Arguments.of("GitHub Classroom with a roster: its ids decide", List.of("hw1-team-a/answers.json",
                        "hw1-team-b/answers.json"), Set.of("team-a", "team-b"), Layout.FOLDERS, List.of("team-a", "team-b"),
                        List.of("", "")),
                Arguments.of("GitHub Classroom without a roster: the shared prefix is cut", List.of("hw1-team-a/answers.json",
                        "hw1-team-b/answers.json"), null, Layout.FOLDERS, List.of("a", "b"), List.of("", "")),
                Arguments.of("Moodle folders", List.of("Ana Popescu_1001_assignsubmission_file_/answers.json",
                        "Ștefan Ion_Vasile_1002_assignsubmission_file_/tema 1.csv",
                        "Ion Pop_1003_assignsubmission_onlinetext_/onlinetext.html"), null, Layout.MOODLE,
                        List.of("1001", "1002", "1003"), List.of("", "", "")),
                Arguments.of("Moodle flat", List.of("Ana Popescu_1001_assignsubmission_file_answers.json",
                        "Ion Pop_1003_assignsubmission_file_rezolvare_finala.csv"), null, Layout.MOODLE,
                        List.of("1001", "1003"), List.of("", "")),
                Arguments.of("Moodle, zipped again inside a folder", List.of(
                        "Tema 1/Ana Popescu_1001_assignsubmission_file_/answers.json",
                        "Tema 1/Ion Pop_1003_assignsubmission_file_/answers.json"), null, Layout.MOODLE,
                        List.of("1001", "1003"), List.of("", "")),
                Arguments.of("Canvas, one late", List.of("popescuana_12345_678901_answers.json",
                        "ionescustefan_LATE_12346_678902_tema-1.csv", "vasileion_late_12347_678903_answers-1.json"), null,
                        Layout.CANVAS, List.of("12345", "12346", "12347"), List.of("", "late", "late")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void detectedAndNamed(String name, List<String> paths, Set<String> roster, Layout layout, List<String> ids,
                          List<String> notes) {
        assertEquals(layout, Layout.detect(paths));
        Layout.Naming naming = layout.naming(paths, Optional.ofNullable(roster));
        assertEquals(ids, paths.stream().map(p -> naming.of(p).orElseThrow().id()).toList());
        assertEquals(notes, paths.stream().map(p -> naming.of(p).orElseThrow().note()).toList());
    }

    static Stream<Arguments> strays() {
        return Stream.of(
                Arguments.of(Layout.MOODLE, "notes.json"),
                Arguments.of(Layout.MOODLE, "Ana Popescu_assignsubmission_file_/a.json"),
                Arguments.of(Layout.CANVAS, "answers.json"),
                Arguments.of(Layout.CANVAS, "popescuana_x_678901_answers.json"),
                Arguments.of(Layout.FOLDERS, "answers.json"));
    }

    /** A file that does not fit the layout gets no id from it (it is then graded under its file name, noted). */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("strays")
    void aFileThatDoesNotFitGetsNoIdFromTheLayout(Layout layout, String path) {
        assertEquals(Optional.empty(), layout.naming(List.of(path, "x-a/b.json", "x-c/b.json"), Optional.empty()).of(path));
    }

    static Stream<Arguments> prefixes() {
        return Stream.of(
                Arguments.of(List.of("hw1-ana", "hw1-andrei"), "hw1-"),
                Arguments.of(List.of("hw1-ana", "hw1-ana-maria"), "hw1-"),
                Arguments.of(List.of("ana", "bob"), ""),
                Arguments.of(List.of("hw1-ana"), ""),
                Arguments.of(List.of("a-b-c", "a-b-d", "a-x"), "a-"));
    }

    @ParameterizedTest(name = "{0} share {1}")
    @MethodSource("prefixes")
    void theSharedPrefixIsCutAfterADash(List<String> folders, String prefix) {
        assertEquals(prefix, Layout.sharedPrefix(folders));
    }
}
