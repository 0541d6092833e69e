package nngrade.cli;

import nngrade.serve.Links;
import nngrade.submission.RosterReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "links",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Each student's link to nngrade serve, as CSV id,name,url for a mail merge. "
                + "The link is the student's only credential: send each one to its student alone.",
        footer = ExitCode.HELP)
public final class LinksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--roster", required = true, paramLabel = "ROSTER",
            description = "Class list: a CSV with an id column, or Moodle's or Canvas's export.")
    Path roster;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "The server's address as students reach it, such as https://nngrade.example.edu.")
    String baseUrl;

    @Mixin
    SecretOption secret;

    @Override
    public Integer call() {
        String base = Links.baseUrl(baseUrl); // a mistyped address is told before the files are read
        spec.commandLine().getOut().print(Links.csv(RosterReader.read(roster), secret.secret(), base));
        return ExitCode.OK;
    }
}
