package org.partyline.ingest.rules;

/**
 * How well what one attribution says (its part of the sentence) matches one codebook entry: cosine similarity of their embeddings, the share of the entry's
 * weighted words found in the sentence, and the combined score the rules rank by.
 */
public record TargetMatch(int attribution, Target target, double cosine, double overlap, double score,
    boolean named) {}
