package nngrade.input;

/**
 * What a reader expects of a file, for the messages that refuse the file as a whole.
 *
 * @param expected  what the file should be, as in "is a folder; expected a problem file"
 * @param limited   what the size limit is of, as in "is 17 MB; a submission is at most 16 MB"
 * @param maxBytes  the largest file read
 * @param contents  what the text should be, as in "is not a text file (it contains NUL bytes); expected
 *                  answers as JSON or CSV"; null where a NUL byte is left to the parser, which says where it is
 * @param notUtf8   the message for bytes that are not UTF-8
 * @param namesLine whether a refusal of the bytes names their line (the problem's and the submission's
 *                  messages do not: they are part of the command line's contract, adversarial/expected.tsv)
 */
public record FileKind(String expected, String limited, long maxBytes, String contents, String notUtf8,
                       boolean namesLine) {
}
