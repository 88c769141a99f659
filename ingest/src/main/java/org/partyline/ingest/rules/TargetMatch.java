package org.partyline.ingest.rules;

/**
 * How well one sentence matches one codebook entry: cosine similarity of their embeddings, the share of the entry's
 * weighted words found in the sentence, and the combined score the rules rank by.
 */
public record TargetMatch(int sentence, Target target, double cosine, double overlap, double score) {}
