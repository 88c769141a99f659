package org.partyline.ingest.codebook;

/** A factual proposition to code claims on. */
public record ClaimEntry(String claimId, String proposition) {}
