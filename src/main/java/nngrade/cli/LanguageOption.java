package nngrade.cli;

import nngrade.report.Messages;
import picocli.CommandLine.Option;

/** {@code --lang}: the language of feedback, shared by the commands that write it. */
public final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the feedback: en or ro. Default: the system locale's (ro if Romanian, else en).")
    Messages.Lang lang;

    Messages messages() {
        return new Messages(lang == null ? Messages.Lang.fromSystem() : lang);
    }
}
