package org.partyline.embedded;

/** One version of a subject: the schema (in canonical form) registered under it, with its global id. */
record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) {

    SchemaEntry asDeleted() {
        return new SchemaEntry(subject, version, id, schema, true);
    }
}
