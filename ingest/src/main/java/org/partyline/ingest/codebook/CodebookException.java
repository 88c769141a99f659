package org.partyline.ingest.codebook;

/** A codebook file that cannot be read or breaks a rule; the message names the file and the entry. */
public final class CodebookException extends Exception {

  public CodebookException(String message) {
    super(message);
  }

  public CodebookException(String message, Throwable cause) {
    super(message, cause);
  }
}
