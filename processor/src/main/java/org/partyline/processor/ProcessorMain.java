package org.partyline.processor;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.config.ProcessorCommand;
import org.partyline.processor.config.StartupSettings;
import org.partyline.processor.runtime.HeapGuard;
import org.partyline.processor.runtime.PartylineProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar partyline-processor.jar}: starts the stack (embedded Kafka and registry unless configured),
 * the topology and the REST API, prints the READY line, runs the demo when asked, and stops cleanly on SIGTERM.
 */
public final class ProcessorMain {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorMain.class);

    private ProcessorMain() {
    }

    public static void main(String[] args) {
        HeapGuard.startUnlessSized();
        int code = run(args, System.out, System.err);
        if (code != 0) {
            LOG.error("Partyline processor exits with code {}", code);
            System.exit(code);
        }
    }

    /** Runs until the JVM is asked to stop; returns the exit code for a start-up failure. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = ProcessorCommand.commandLine();
        PartylineConfig config;
        try {
            ParseResult parsed = commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return 0;
            }
            if (commandLine.isVersionHelpRequested()) {
                commandLine.printVersionHelp(out);
                return 0;
            }
            config = PartylineConfig.load(ProcessorCommand.flags(parsed), System.getenv());
        } catch (ParameterException e) {
            err.println("partyline-processor: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See --help for every setting.");
            return 2;
        } catch (PartylineConfig.ConfigException e) {
            err.println("partyline-processor: " + e.getMessage());
            err.println("See --help for every setting.");
            return 2;
        }
        PartylineProcessor processor;
        try {
            processor = PartylineProcessor.start(config);
        } catch (RuntimeException e) {
            LOG.error("Partyline processor could not start", e);
            err.println("partyline-processor: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Partyline processor");
            processor.close();
            LOG.info("Partyline processor stopped");
            stopped.countDown();
        }, "partyline-shutdown"));
        out.printf("READY api=%s bootstrap=%s schema-registry=%s%n", processor.apiUrl(),
                processor.bootstrapServers(), processor.registryUrl());
        out.flush();
        if (StartupSettings.demo(config)) {
            processor.runDemo(out, Duration.ofMinutes(2));
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
