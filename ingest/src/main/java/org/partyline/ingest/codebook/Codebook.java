package org.partyline.ingest.codebook;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the user tracks: actors that add to the gazetteer, the topics to code statements on and the claims to code
 * positions on. Several files merge in order; a later file's entry wins on the same key (party, topic, claimId).
 */
public record Codebook(List<Actor> actors, List<TopicEntry> topics, List<ClaimEntry> claims) {

  public Codebook {
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
    claims = List.copyOf(claims);
  }

  /** Reads and merges the files in order. */
  public static Codebook load(List<Path> files) throws CodebookException {
    return new CodebookReader().readAll(files);
  }

  public Optional<TopicEntry> topic(String topic) {
    return topics.stream().filter(t -> t.topic().equals(topic)).findFirst();
  }

  public Optional<ClaimEntry> claim(String claimId) {
    return claims.stream().filter(c -> c.claimId().equals(claimId)).findFirst();
  }
}
