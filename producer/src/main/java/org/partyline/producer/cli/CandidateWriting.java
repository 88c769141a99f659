package org.partyline.producer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.partyline.ingest.Candidate;
import org.partyline.events.publish.ErrorMessages;
import org.partyline.producer.ingest.CandidateEvents;

/** {@code ingest} without {@code --publish}: the candidates as JSON Lines on standard output or in {@code --out}. */
final class CandidateWriting {

    private CandidateWriting() {
    }

    static int write(ArticleRun run, CandidateEvents events, Path outFile, PrintStream stdout) throws IngestFailure {
        String where = outFile == null ? "standard output" : outFile.toString();
        try (Writer writer = outFile == null
                ? new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            run.forEachArticle((file, article, line) -> {
                for (Candidate candidate : events.candidates(article)) {
                    try {
                        writer.write(candidate.toJsonLine());
                        writer.write('\n');
                    } catch (IOException e) {
                        throw cannotWrite(where, e);
                    }
                    run.candidateDone();
                }
            });
        } catch (IOException e) {
            throw cannotWrite(where, e);
        } finally {
            stdout.flush();
        }
        return run.finish();
    }

    private static IngestFailure cannotWrite(String where, IOException e) {
        return new IngestFailure("cannot write " + where + ": " + ErrorMessages.describe(e));
    }
}
