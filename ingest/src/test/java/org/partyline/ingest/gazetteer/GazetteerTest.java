package org.partyline.ingest.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partyline.ingest.codebook.Actor;
import org.partyline.ingest.codebook.Codebook;

class GazetteerTest {

  private static List<String> words(String text) {
    return Arrays.asList(text.split(" "));
  }

  private static Gazetteer gazetteer(List<Actor> actors) {
    return Gazetteer.load(new Codebook(actors, List.of(), List.of()), name -> name.split(" "));
  }

  @Test
  void shouldListEveryIso3166CountryOnceWithUkForGreatBritainAndXkForKosovo() {
    List<String[]> rows = Gazetteer.rows("countries.txt", 4);
    Set<String> codes = new HashSet<>();
    rows.forEach(row -> assertTrue(codes.add(row[0]), "listed twice: " + row[0]));

    assertEquals(250, codes.size());
    assertTrue(codes.contains("UK"));
    assertTrue(codes.contains("XK"));
    assertEquals(false, codes.contains("GB"));
    rows.forEach(row -> assertTrue(row[0].matches("[A-Z]{2}") && !row[1].isBlank(), String.join("|", row)));
  }

  @Test
  void shouldResolveNamesDemonymsCapitalsAndMetonyms() {
    Gazetteer g = gazetteer(List.of());

    assertEquals("IN", g.longestAt(words("India's foreign ministry"), 0).entry().party());
    assertEquals("RU", g.longestAt(words("the Kremlin said"), 1).entry().party());
    assertEquals("US", g.longestAt(words("the White House said"), 1).entry().party());
    assertEquals("UK", g.longestAt(words("Downing Street said"), 0).entry().party());
    assertEquals("EU", g.longestAt(words("Brussels said"), 0).entry().party());
    assertEquals("UA", g.longestAt(words("Kyiv said"), 0).entry().party());
    assertEquals("KP", g.longestAt(words("North Korean troops"), 0).entry().party());
    assertEquals(Kind.DEMONYM, g.longestAt(words("Iranian officials"), 0).entry().kind());
    assertEquals("Vladimir Putin", g.longestAt(words("Putin said"), 0).entry().person());
  }

  @Test
  void shouldLetACodebookActorWinOverTheGazetteerForTheSameName() {
    Gazetteer g = gazetteer(List.of(new Actor("LABOUR", List.of("Keir Starmer", "Starmer"))));

    Gazetteer.Match match = g.longestAt(words("Keir Starmer said"), 0);

    assertEquals("LABOUR", match.entry().party());
    assertEquals("Keir Starmer", match.entry().person());
    assertEquals("Keir Starmer", g.longestAt(words("Starmer said"), 0).entry().person());
  }

  @Test
  void shouldNotTakeAPartyNameForAPerson() {
    Gazetteer g = gazetteer(List.of(new Actor("LABOUR", List.of("Labour", "Labour Party", "Rachel Reeves",
        "Reeves"))));

    assertEquals(null, g.longestAt(words("Labour Party said"), 0).entry().person());
    assertEquals(null, g.longestAt(words("Labour said"), 0).entry().person());
    assertEquals("Rachel Reeves", g.longestAt(words("Reeves said"), 0).entry().person());
  }
}
