package nngrade.cli;

import nngrade.report.Messages;
import picocli.CommandLine.Option;

/**
 * {@code --lang}: the language of feedback, shared by the commands that write it (check, grade).
 * solve and sheets declare their own {@code --lang}, since what it sets there is narrower (the worked
 * solutions only) and their help says so; they share {@link #DEFAULT} and {@link #messages(Messages.Lang)}.
 */
public final class LanguageOption {
    /** The default, as every command's help says it. */
    static final String DEFAULT = "Default: the system locale's (ro if Romanian, else en).";

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the feedback: en or ro. " + DEFAULT)
    Messages.Lang lang;

    Messages messages() {
        return messages(lang);
    }

    /** The messages of {@code lang}, or of the system locale's language when it is null (no --lang). */
    static Messages messages(Messages.Lang lang) {
        return new Messages(lang == null ? Messages.Lang.fromSystem() : lang);
    }
}
