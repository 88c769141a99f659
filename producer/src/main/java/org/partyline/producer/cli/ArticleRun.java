package org.partyline.producer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.partyline.events.publish.ErrorMessages;
import org.partyline.producer.ingest.ArticleFiles;

/**
 * The article files of one {@code ingest} run ({@code -} for standard input) and its counts: checks that the files
 * can be read before anything starts, hands every valid article to a handler, and ends with the summary line
 * {@code articles N, rejected M, candidates K} and the exit status.
 */
final class ArticleRun {

    private final List<String> files;
    private final InputStream stdin;
    private final PrintStream err;
    private final ArticleFiles articles;
    private ArticleFiles.Counts lines = ArticleFiles.Counts.NONE;
    private long candidates;
    private long brokenCandidates;

    ArticleRun(List<String> files, InputStream stdin, PrintStream err) {
        this.files = List.copyOf(files);
        this.stdin = stdin;
        this.err = err;
        this.articles = new ArticleFiles(err);
    }

    /** Fails, naming the file, when one is missing, a directory or unreadable. */
    void checkFiles() throws IngestFailure {
        for (String file : files) {
            if (file.equals("-")) {
                continue;
            }
            Path path = Path.of(file);
            if (!Files.exists(path)) {
                throw new IngestFailure("cannot read " + file + ": no such file");
            }
            if (Files.isDirectory(path)) {
                throw new IngestFailure("cannot read " + file + ": is a directory");
            }
            if (!Files.isReadable(path)) {
                throw new IngestFailure("cannot read " + file + ": permission denied");
            }
        }
    }

    /** Reads every file in order; a failure of the handler comes out as it is, or as an {@link IngestFailure}. */
    void forEachArticle(FileHandler handler) throws IngestFailure {
        for (String file : files) {
            try {
                ArticleFiles.Counts counts;
                if (file.equals("-")) {
                    counts = articles.read("-", stdin, (article, line) -> handler.handle(file, article, line));
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(file))) {
                        counts = articles.read(file, in, (article, line) -> handler.handle(file, article, line));
                    }
                }
                lines = lines.plus(counts);
            } catch (IngestFailure | RuntimeException e) {
                throw e;
            } catch (IOException e) {
                throw new IngestFailure("cannot read " + file + ": " + ErrorMessages.describe(e));
            } catch (Exception e) {
                throw new IngestFailure(file + ": " + ErrorMessages.describe(e));
            }
        }
    }

    /** Takes each valid article with the file and line it came from. */
    @FunctionalInterface
    interface FileHandler {
        void handle(String file, org.partyline.ingest.Article article, long line) throws Exception;
    }

    void candidateDone() {
        candidates++;
    }

    /** A candidate that breaks the input rules: reported with its article's file and line, never published. */
    void candidateBroken(String file, long line, String eventId, String reason) {
        err.println(file + ":" + line + ": candidate " + eventId + ": " + reason);
        brokenCandidates++;
    }

    /** Prints the summary line; the exit status: 0, or 1 when a line (or a candidate) was rejected. */
    int finish() {
        err.println("articles " + lines.articles() + ", rejected " + lines.rejected() + ", candidates " + candidates);
        return lines.rejected() == 0 && brokenCandidates == 0 ? ProducerMain.OK : ProducerMain.REJECTED;
    }
}
