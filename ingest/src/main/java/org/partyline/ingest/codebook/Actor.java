package org.partyline.ingest.codebook;

import java.util.List;

/** A party the user tracks and the names (of the party and of its people) that the articles use for it. */
public record Actor(String party, List<String> names) {

  public Actor {
    names = List.copyOf(names);
  }
}
