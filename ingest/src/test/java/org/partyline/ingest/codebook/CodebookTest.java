package org.partyline.ingest.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodebookTest {

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void shouldReadActorsTopicsAndClaims() throws Exception {
    Path file = write("codebook.json", """
        {"actors": [{"party": " labour ", "names": ["Labour", "Rachel Reeves"]}],
         "topics": [{"topic": "ukraine-nato-membership", "description": "Ukraine joining NATO."}],
         "claims": [{"claimId": "pokrovsk-captured", "proposition": "Russian forces have captured Pokrovsk."}]}
        """);

    Codebook codebook = Codebook.load(List.of(file));

    assertEquals(List.of(new Actor("LABOUR", List.of("Labour", "Rachel Reeves"))), codebook.actors());
    assertEquals(List.of(new TopicEntry("ukraine-nato-membership", "Ukraine joining NATO.")), codebook.topics());
    assertEquals(List.of(new ClaimEntry("pokrovsk-captured", "Russian forces have captured Pokrovsk.")),
        codebook.claims());
  }

  @Test
  void shouldLetALaterFileWinOnTheSameKey() throws Exception {
    Path first = write("a.json", """
        {"actors": [{"party": "LABOUR", "names": ["Labour"]}],
         "topics": [{"topic": "t1", "description": "First."}, {"topic": "t2", "description": "Two."}],
         "claims": [{"claimId": "c1", "proposition": "First."}]}
        """);
    Path second = write("b.json", """
        {"actors": [{"party": "LABOUR", "names": ["Labour Party"]}],
         "topics": [{"topic": "t1", "description": "Second."}]}
        """);

    Codebook codebook = Codebook.load(List.of(first, second));

    assertEquals(List.of(new Actor("LABOUR", List.of("Labour Party"))), codebook.actors());
    assertEquals(List.of(new TopicEntry("t2", "Two."), new TopicEntry("t1", "Second.")), codebook.topics());
    assertEquals(List.of(new ClaimEntry("c1", "First.")), codebook.claims());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"claims": [{"claimId": "ok", "proposition": "p"}, {"claimId": "X Y", "proposition": "p"}]} | codebook.json: claims[1]: claimId 'X Y' breaks [a-z0-9][a-z0-9-]{0,127}
      {"topics": [{"topic": "t"}]}                                                              | codebook.json: topics[0]: description is required (a non-blank string)
      {"actors": [{"party": "LAB OUR", "names": ["x"]}]}                                        | codebook.json: actors[0]: party 'LAB OUR' breaks [A-Z0-9][A-Z0-9_.-]{0,63}
      {"actors": [{"party": "LAB", "names": []}]}                                               | codebook.json: actors[0]: names must be a non-empty list of strings
      {"topics": [{"topic": "t", "description": "d"}, {"topic": "t", "description": "e"}]}       | codebook.json: topics[1]: topic 't' is already defined at topics[0]
      {"topics": {"topic": "t"}}                                                                | codebook.json: topics must be a list
      [1, 2]                                                                                    | codebook.json: must be a JSON object with "actors", "topics" and "claims"
      """)
  void shouldNameTheFileAndTheEntryOfABadCodebook(String content, String expected) throws Exception {
    Path file = write("codebook.json", content);

    CodebookException error = assertThrows(CodebookException.class, () -> Codebook.load(List.of(file)));

    assertEquals(dir.resolve(expected.substring(0, expected.indexOf(':'))) + expected.substring(expected.indexOf(':')),
        error.getMessage());
  }

  @Test
  void shouldNameTheLineOfMalformedJson() throws Exception {
    Path file = write("codebook.json", "{\"topics\": [\n  {\"topic\": \"t\",,}\n]}");

    CodebookException error = assertThrows(CodebookException.class, () -> Codebook.load(List.of(file)));

    assertEquals(file + ": line 2: not valid JSON", error.getMessage().substring(0, error.getMessage().indexOf(
        "JSON") + 4));
  }

  @Test
  void shouldNameAMissingFile() {
    Path file = dir.resolve("missing.json");

    CodebookException error = assertThrows(CodebookException.class, () -> Codebook.load(List.of(file)));

    assertEquals(file + ": cannot be read", error.getMessage().substring(0, error.getMessage().indexOf(" read") + 5));
  }
}
