package org.partyline.producer.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.partyline.ingest.Article;
import org.partyline.ingest.Candidate;

/**
 * A stand-in for the NLP pipeline in tests of the job's I/O: every sentence of an article gives one candidate (a
 * statement, or a claim for every third sentence), with ids made of the article id and the sentence's place, so an
 * article always gives the same several events. {@code delayMillis} makes each article take about as long as the
 * real pipeline, so that a test can stop the job half-way through a topic.
 */
final class SentencePipeline implements Function<Article, List<Candidate>> {

    private final long delayMillis;

    SentencePipeline(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    public List<Candidate> apply(Article article) {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String[] sentences = article.text().split("(?<=\\.)\\s+");
        Candidate.Source source = new Candidate.Source(article.url(), article.outlet(), article.title(),
                article.publishedAt());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            String sentence = sentences[i];
            Candidate.Evidence evidence = new Candidate.Evidence(sentence, "test-sentence");
            String eventId = article.id() + "-s" + i;
            String party = "P" + (i % 4);
            candidates.add(i % 3 == 2
                    ? new Candidate(Candidate.CLAIM, eventId, party, null, article.publishedAt(), null,
                            "claim-" + (i % 2), "Sentence " + i + " is true.", null, "ASSERTS", sentence, source,
                            article.id(), 0.9, evidence)
                    : new Candidate(Candidate.STATEMENT, eventId, party, null, article.publishedAt(),
                            "topic-" + (i % 2), null, null, "SUPPORT", null, sentence, source, article.id(), 0.8,
                            evidence));
        }
        return candidates;
    }
}
