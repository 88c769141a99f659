package org.partyline.producer.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The producer's top-level command: only a list of subcommands, git style. A new subcommand is one more class in
 * {@code subcommands} below; it reaches the output streams through {@code @ParentCommand ProducerCommand}.
 */
@Command(name = "partyline-producer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100,
        description = "Publishes statements, claims and articles to Kafka for the Partyline processor, turns articles "
                + "into candidate events, replays dead letters, and generates synthetic archives.",
        commandListHeading = "%nCommands:%n",
        subcommands = {
                PublishCommand.class,
                ReplayDlqCommand.class,
                IngestCommand.class,
                GenerateCommand.class,
                HelpCommand.class,
        })
public final class ProducerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    ProducerCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** What a subcommand reads for the file name {@code -}. */
    public InputStream in() {
        return in;
    }

    /** Where a subcommand writes its results. */
    public PrintStream out() {
        return out;
    }

    /** Where a subcommand writes its reports (rejected lines, progress, errors). */
    public PrintStream err() {
        return err;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
