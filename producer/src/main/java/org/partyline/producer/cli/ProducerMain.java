package org.partyline.producer.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar partyline-producer.jar COMMAND ...}: runs {@link ProducerCommand} and its subcommands through
 * picocli. Bad usage (an unknown or mistyped option, with the closest valid one suggested; a missing value) prints
 * {@code error: ...} and the command's usage on stderr and exits 2, as CONTRACT section 5 says.
 */
public final class ProducerMain {

    public static final int OK = 0;
    public static final int REJECTED = 1;
    public static final int FAILED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ProducerMain.class);

    private ProducerMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        LOG.debug("exiting with status {}", status);
        System.exit(status);
    }

    /** Runs the command; the entry point tests call. Returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the command with {@code in} as its standard input ({@code ingest -}). Returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return commandLine(in, out, err).execute(args);
    }

    /** The producer's command line, writing help to {@code out} and errors to {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(System.in, out, err);
    }

    private static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new ProducerCommand(in, out, err));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler(ProducerMain::badUsage);
        return commandLine;
    }

    private static int badUsage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return FAILED;
    }
}
