package org.partyline.ingest.codebook;

/** A policy topic to code statements on, with the user's plain-text description of it. */
public record TopicEntry(String topic, String description) {}
