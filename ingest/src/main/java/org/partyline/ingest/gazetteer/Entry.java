package org.partyline.ingest.gazetteer;

/**
 * One name the gazetteer knows: the party it stands for, what kind of name it is, and for a person the full name to
 * report as speaker (null for places and bodies).
 */
public record Entry(String name, String party, Kind kind, String person) {}
