package org.partyline.producer.ingest;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

import org.partyline.ingest.Article;
import org.partyline.events.publish.Utf8LineReader;
import org.partyline.events.ArticleParser;
import org.partyline.events.EventRules;
import org.partyline.events.InvalidEventException;

/**
 * Reads article files for {@code ingest} (CONTRACT 7.1): each line is checked, a line that breaks a rule is reported
 * as {@code FILE:LINE: reason} on the error stream and skipped, blank lines are skipped, and every valid article is
 * handed to the caller in file order.
 */
public final class ArticleFiles {

    /** Takes each valid article of a file. */
    @FunctionalInterface
    public interface ArticleHandler {
        void handle(Article article, long line) throws Exception;
    }

    /** Lines read as articles and lines rejected. */
    public record Counts(long articles, long rejected) {
        public static final Counts NONE = new Counts(0, 0);

        public Counts plus(Counts other) {
            return new Counts(articles + other.articles, rejected + other.rejected);
        }
    }

    private final ArticleParser parser = ArticleParser.forIngest();
    private final PrintStream err;

    public ArticleFiles(PrintStream err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    /**
     * Reads {@code in} to its end; {@code name} is how the file is named in reports. An exception of the handler
     * stops the reading and is thrown as it is.
     */
    public Counts read(String name, InputStream in, ArticleHandler handler) throws Exception {
        Utf8LineReader reader = new Utf8LineReader(in);
        long articles = 0;
        long rejected = 0;
        for (Utf8LineReader.Line line = reader.next(); line != null; line = reader.next()) {
            if (line.text() != null && EventRules.isBlank(line.text())) {
                continue;
            }
            String problem = line.problem();
            Article article = null;
            if (problem == null) {
                try {
                    article = ArticleRecords.toArticle(parser.parse(line.text()));
                } catch (InvalidEventException e) {
                    problem = e.reason();
                }
            }
            if (problem != null) {
                err.println(name + ":" + line.number() + ": " + problem);
                rejected++;
                continue;
            }
            handler.handle(article, line.number());
            articles++;
        }
        return new Counts(articles, rejected);
    }
}
