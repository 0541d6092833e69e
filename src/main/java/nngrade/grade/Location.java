package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;

import java.nio.file.Path;

/** Where a submission's bytes are: a file on disk, or an entry of an LMS's zip read in place. */
public sealed interface Location {

    /** Reads the submission; a file that cannot be read at all raises {@code BadInputException}. */
    Submission read(String source, Problem problem);

    /**
     * A file. The path stays the walk's own: text decoded from a file name need not name the
     * same file again (bytes that are not UTF-8, a C locale).
     */
    record OnDisk(Path path) implements Location {
        @Override
        public Submission read(String source, Problem problem) {
            return SubmissionReader.read(path, source, problem);
        }
    }

    /**
     * A file that is not read at all, and why: a link that leaves the submissions, a pipe or a
     * device. Its content is never opened (a link to the teacher's secret must not be quoted in
     * a message), and nothing waits on it.
     */
    record Refused(String why) implements Location {
        @Override
        public Submission read(String source, Problem problem) {
            throw new BadInputException(InputError.inFile(source, why));
        }
    }

    /**
     * A part of a student's folder the walk could not enter (a folder without permission, a path
     * too long for the system) or does not follow (a link to a folder), and why: the student's
     * row says so, as a file that cannot be read does; nothing in it is graded.
     */
    record Unwalked(String why) implements Location {
        @Override
        public Submission read(String source, Problem problem) {
            throw new BadInputException(InputError.inFile(source, why));
        }
    }

    /** An entry of a zip, by its place in the archive (two entries may share a name). */
    record InArchive(Archive archive, int entry) implements Location {
        @Override
        public Submission read(String source, Problem problem) {
            return archive.read(entry, source, problem);
        }
    }
}
