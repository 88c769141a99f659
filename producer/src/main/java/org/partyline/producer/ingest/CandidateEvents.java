package org.partyline.producer.ingest;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;
import org.partyline.ingest.Ingestor;
import org.partyline.events.InvalidEventException;
import org.partyline.events.JsonEventParser;

/**
 * An article's candidates at or above the minimum confidence, and each one checked as {@code publish} checks a line
 * (its JSON line through {@link JsonEventParser}), so that what the ingestion publishes is exactly what a reviewed
 * file of the same candidates would publish. Thread-safe when the pipeline is (an {@link Ingestor} is).
 */
public final class CandidateEvents {

    private final Function<Article, List<Candidate>> pipeline;
    private final double minConfidence;
    private final JsonEventParser parser = new JsonEventParser();

    public CandidateEvents(Ingestor ingestor, double minConfidence) {
        this(ingestor::ingest, minConfidence);
    }

    /** Over any pipeline that turns an article into candidates, as an {@link Ingestor} does. */
    public CandidateEvents(Function<Article, List<Candidate>> pipeline, double minConfidence) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.minConfidence = minConfidence;
    }

    /** The article's candidates whose confidence is at least the minimum, in the ingestor's order. */
    public List<Candidate> candidates(Article article) {
        return pipeline.apply(article).stream().filter(c -> c.confidence() >= minConfidence).toList();
    }

    /** The {@code Statement} or {@code Claim} of a candidate, or the input rule it breaks. */
    public SpecificRecord event(Candidate candidate) throws InvalidEventException {
        return parser.parse(candidate.toJsonLine());
    }
}
