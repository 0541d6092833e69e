package nngrade.grade;

import org.junit.jupiter.api.Test;

import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whose a part of an input is that the walk could not enter ({@link Location.Unwalked}). */
class HandInsTest {

    private static HandIns.Candidate file(String relative) {
        return new HandIns.Candidate(new Location.Refused("test"), "in/" + relative, relative, FileTime.fromMillis(1000));
    }

    private static HandIns.Candidate unwalked(String relative) {
        return new HandIns.Candidate(new Location.Unwalked("the folder " + relative + " cannot be read: permission denied"),
                "in/" + relative, relative, FileTime.fromMillis(0));
    }

    private static List<String> ids(List<SubmissionFile> files) {
        return files.stream().map(f -> f.id() + " " + f.source()).toList();
    }

    private static HandIns handIns(Layout layout, Set<String> roster) {
        return new HandIns(new SubmissionFinder.Options(Optional.ofNullable(layout), Optional.ofNullable(roster),
                Optional.empty()));
    }

    @Test
    void aStudentsUnreadableFolderIsTheirsAndCountsForTheSharedPrefix() {
        // without hw1-bob among the folders, hw1-ana would be alone and its id "hw1-ana"
        List<SubmissionFile> files = handIns(Layout.FOLDERS, null).identify(List.of(file("hw1-ana/answers.json")),
                List.of(unwalked("hw1-bob/")));
        assertEquals(List.of("ana in/hw1-ana/answers.json", "bob in/hw1-bob/"), ids(files));
        assertEquals(Layout.FOLDERS, files.get(1).layout());
    }

    @Test
    void withARosterTheFolderIsTheRostersId() {
        List<SubmissionFile> files = handIns(null, Set.of("ana", "carl")).identify(List.of(file("hw1-ana/answers.json")),
                List.of(unwalked("hw1-carl/")));
        assertEquals(List.of("ana in/hw1-ana/answers.json", "carl in/hw1-carl/"), ids(files));
    }

    @Test
    void aMoodleParticipantsFolderIsTheirsAndATeachersFolderIsNoOnes() {
        List<SubmissionFile> files = handIns(null, null).identify(
                List.of(file("Ana Pop_1001_assignsubmission_file_/a.json"), file("Ion Vasile_1003_assignsubmission_file_/b.json")),
                List.of(unwalked("Maria Pop_1004_assignsubmission_file_/"), unwalked("teacher notes/")));
        assertEquals(List.of("1001 in/Ana Pop_1001_assignsubmission_file_/a.json",
                "1003 in/Ion Vasile_1003_assignsubmission_file_/b.json", "1004 in/Maria Pop_1004_assignsubmission_file_/"),
                ids(files));
    }

    @Test
    void aFilePerStudentClassOwnsNoFolder() {
        List<SubmissionFile> files = handIns(null, null).identify(List.of(file("ana.json"), file("bob.json")),
                List.of(unwalked("locked/")));
        assertEquals(List.of("ana in/ana.json", "bob in/bob.json"), ids(files));
    }

    @Test
    void besideReadableAnswersTheUnreadableFolderIsANote() {
        List<SubmissionFile> files = HandIns.withoutUnreadableExtras(handIns(Layout.FOLDERS, null).identify(
                List.of(file("hw1-ana/answers.json"), file("hw1-bob/answers.json")),
                List.of(unwalked("hw1-ana/work/"), unwalked("hw1-carl/"))));
        assertEquals(List.of("ana in/hw1-ana/answers.json", "bob in/hw1-bob/answers.json", "carl in/hw1-carl/"), ids(files));
        assertEquals("the folder hw1-ana/work/ cannot be read: permission denied", files.get(0).note());
        assertEquals("", files.get(1).note());
        assertEquals(new Location.Unwalked("the folder hw1-carl/ cannot be read: permission denied"), files.get(2).location());
    }
}
