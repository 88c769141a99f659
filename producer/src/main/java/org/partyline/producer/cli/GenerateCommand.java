package org.partyline.producer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.partyline.producer.generate.ArchiveGenerator;
import org.partyline.producer.generate.ArchiveShape;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: writes a synthetic archive of statements and claims as JSON Lines, to try Partyline at scale
 * without real news; {@link ArchiveGenerator} does the work. Its defaults are the archive of a newsroom (300,000
 * events, 2,000 parties, 500 topics, 50,000 claims, popularity skewed as in the news).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100, sortOptions = false,
        description = {"Writes a synthetic archive of statements and claims as JSON Lines that publish accepts: a "
                + "few parties, topics and claims get most of the events, as in the news; times run over the years "
                + "with some events late. The same options and seed always give the same file.",
                "Prints 'generated N events (S statements, C claims, R redeliveries)' on stderr."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the events were written", "2:bad usage, or the output file cannot be written"})
final class GenerateCommand implements Callable<Integer> {

    /** How big the archive is. */
    static final class Size {
        @Option(names = "--events", paramLabel = "N", order = 1,
                description = "Distinct events to write (default: ${DEFAULT-VALUE}).")
        long events = ArchiveShape.ARCHIVE.events();

        @Option(names = "--parties", paramLabel = "N", order = 2,
                description = "Parties named P0001, P0002, ... (default: ${DEFAULT-VALUE}).")
        int parties = ArchiveShape.ARCHIVE.parties();

        @Option(names = "--topics", paramLabel = "N", order = 3,
                description = "Topics of statements (default: ${DEFAULT-VALUE}).")
        int topics = ArchiveShape.ARCHIVE.topics();

        @Option(names = "--claims", paramLabel = "N", order = 4,
                description = "Claims (default: ${DEFAULT-VALUE}).")
        int claims = ArchiveShape.ARCHIVE.claims();
    }

    /** How the events are spread. */
    static final class Spread {
        @Option(names = "--claim-share", paramLabel = "X", order = 5,
                description = "Share of claim events among the events, 0 to 1 (default: ${DEFAULT-VALUE}).")
        double claimShare = ArchiveShape.ARCHIVE.claimShare();

        @Option(names = "--skew", paramLabel = "S", order = 6,
                description = "Zipf exponent of the popularity of parties, topics and claims: 0 for all alike, 1 "
                        + "as in the news (default: ${DEFAULT-VALUE}).")
        double skew = ArchiveShape.ARCHIVE.skew();

        @Option(names = "--years", paramLabel = "N", order = 7,
                description = "Years the event times run over, from 2020-01-01 (default: ${DEFAULT-VALUE}).")
        int years = ArchiveShape.ARCHIVE.years();

        @Option(names = "--redeliveries", paramLabel = "X", order = 8,
                description = "Chance that an event is followed by a redelivery of an earlier one, 0 to below 1 "
                        + "(default: ${DEFAULT-VALUE}).")
        double redeliveries = ArchiveShape.ARCHIVE.redeliveries();

        @Option(names = "--seed", paramLabel = "N", order = 9,
                description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
        long seed = ArchiveShape.ARCHIVE.seed();
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProducerCommand producer;

    @ArgGroup(validate = false, heading = "%nSize:%n", order = 1)
    Size size = new Size();

    @ArgGroup(validate = false, heading = "%nSpread:%n", order = 2)
    Spread spread = new Spread();

    @Option(names = "--out", paramLabel = "FILE", order = 10,
            description = "Write the events to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        ArchiveShape shape;
        try {
            shape = new ArchiveShape(size.events, size.parties, size.topics, size.claims, spread.claimShare,
                    spread.skew, spread.years, spread.redeliveries, spread.seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ArchiveGenerator.Counts counts;
        try (Writer writer = writer()) {
            counts = new ArchiveGenerator(shape).writeTo(writer);
        } catch (IOException | java.io.UncheckedIOException e) {
            producer.err().println("error: cannot write " + (out == null ? "standard output" : out) + ": "
                    + e.getMessage());
            return ProducerMain.FAILED;
        }
        producer.err().printf("generated %d events (%d statements, %d claims, %d redeliveries)%n",
                counts.statements() + counts.claims(), counts.statements(), counts.claims(), counts.redeliveries());
        return ProducerMain.OK;
    }

    private Writer writer() throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(new NonClosing(producer.out()), StandardCharsets.UTF_8),
                    1 << 16);
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** Standard output, flushed but left open when the writer over it is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
