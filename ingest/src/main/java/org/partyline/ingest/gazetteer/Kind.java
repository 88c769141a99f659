package org.partyline.ingest.gazetteer;

/** What a name in the gazetteer is: it decides whether the name names a person and how sure a mention is. */
public enum Kind {
  /** A country's name ("Iran"). */
  COUNTRY,
  /** A demonym ("Iranian"): names the state only together with a role ("Iranian foreign minister"). */
  DEMONYM,
  /** A capital used for its government ("Tehran"). */
  CAPITAL,
  /** A metonym or a state body ("the Kremlin", "the State Department"). */
  INSTITUTION,
  /** A named office holder ("Dmitry Peskov"). */
  OFFICIAL,
  /** A codebook actor's name: a party, a body or one of its people. */
  ACTOR
}
