package org.partyline.ingest.rules;

/**
 * A codebook entry a topic or claim can be coded on, with what the matcher knows of it: its words (lemmas of its
 * description or proposition) and its sentence embedding.
 */
public record Target(String key, boolean topic, String text, java.util.Set<String> lemmas, float[] vector) {}
