package org.partyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How they stand on a policy (guidelines H1-H3): one sentence in, its statement out. */
class StanceRulesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Russia said it strongly opposed Ukraine joining NATO.                                      | RU ukraine-nato-membership OPPOSE
      The Kremlin rejected Ukraine's bid to become a member of NATO.                             | RU ukraine-nato-membership OPPOSE
      Germany said it supported Ukraine joining NATO.                                            | DE ukraine-nato-membership SUPPORT
      Poland urged the alliance to admit Ukraine as a member of NATO.                            | PL ukraine-nato-membership SUPPORT
      France said it could back Ukraine's membership of NATO in principle.                       | FR ukraine-nato-membership LEAN_SUPPORT
      France signalled it could back Ukraine's membership of NATO.                               | FR ukraine-nato-membership LEAN_SUPPORT
      Spain expressed reservations about Ukraine becoming a member of NATO.                      | ES ukraine-nato-membership LEAN_OPPOSE
      Italy said it would not back Ukraine's NATO membership unless the war ended first.          | IT ukraine-nato-membership LEAN_OPPOSE
      Hungary declined to say whether it supported Ukraine joining NATO.                         | HU ukraine-nato-membership NEUTRAL
      Austria slammed the plan for Ukraine to become a member of NATO.                           | AT ukraine-nato-membership OPPOSE
      Portugal said it was wary of Ukraine joining NATO.                                         | PT ukraine-nato-membership LEAN_OPPOSE
      Russia warned against Ukraine joining NATO.                                                | RU ukraine-nato-membership OPPOSE
      The Kremlin has repeatedly said Ukraine can never join NATO.                               | RU ukraine-nato-membership OPPOSE
      The Greens called for the ban on new onshore wind farms to be scrapped.                    | GREENS onshore-wind-ban OPPOSE
      The Liberals demanded that the ban on new onshore wind farms be lifted.                    | LIBERALS onshore-wind-ban OPPOSE
      Labour has called for the sanctions on Syria to be lifted.                                 | LABOUR syria-sanctions-relief SUPPORT
      Russia has warned about Ukraine's ambitions to join NATO.                                  | RU ukraine-nato-membership OPPOSE
      Russia said it would never accept Ukraine joining NATO.                                    | RU ukraine-nato-membership OPPOSE
      Belarus said Ukraine joining NATO would be a grave mistake.                                | BY ukraine-nato-membership OPPOSE
      Ireland said it would accept Ukraine joining NATO.                                         | IE ukraine-nato-membership SUPPORT
      Russia said Ukraine's membership of NATO was out of the question.                          | RU ukraine-nato-membership OPPOSE
      The Greens pledged to scrap the ban on new onshore wind farms.                             | GREENS onshore-wind-ban OPPOSE
      The Liberals urged Parliament to reject the ban on new onshore wind farms.                 | LIBERALS onshore-wind-ban OPPOSE
      The Liberals backed the ban on new onshore wind farms and rejected calls to lift it.       | LIBERALS onshore-wind-ban SUPPORT
      Russia said Ukraine should abandon its bid to join NATO.                                   | RU ukraine-nato-membership OPPOSE
      Russia accused NATO of planning to admit Ukraine as a member.                              | RU ukraine-nato-membership OPPOSE
      Lind said the Greens were firmly against the ban on new onshore wind farms.                | GREENS onshore-wind-ban OPPOSE
      The Liberals said the Greens must drop their opposition to the ban on new onshore wind farms. | LIBERALS onshore-wind-ban SUPPORT
      The Greens said they would vote against the budget unless the ban on new onshore wind farms was lifted. | GREENS onshore-wind-ban OPPOSE
      The Liberals said they would not support the budget unless it banned new onshore wind farms. | LIBERALS onshore-wind-ban SUPPORT
      Labour said it would ban new onshore wind farms.                                           | LABOUR onshore-wind-ban SUPPORT
      Labour said it had always backed the ban on new onshore wind farms.                        | LABOUR onshore-wind-ban SUPPORT
      The Greens said they had voted to ban new onshore wind farms.                              | GREENS onshore-wind-ban SUPPORT
      The Liberals said they would vote for a ban on new onshore wind farms.                     | LIBERALS onshore-wind-ban SUPPORT
      The Liberals voted to scrap the ban on new onshore wind farms.                             | LIBERALS onshore-wind-ban OPPOSE
      The Greens, which have long opposed the ban on new onshore wind farms, said they would study the plan. | GREENS onshore-wind-ban OPPOSE
      Russia welcomed Ukraine's decision to drop its bid to join NATO.                           | RU ukraine-nato-membership OPPOSE
      The Greens condemned Labour's decision to scrap the ban on new onshore wind farms.         | GREENS onshore-wind-ban SUPPORT
      The Greens accused Labour of blocking the ban on new onshore wind farms.                   | GREENS onshore-wind-ban SUPPORT
      Germany criticised Hungary's refusal to back Ukraine's membership of NATO.                 | DE ukraine-nato-membership SUPPORT
      Russia said Ukraine's membership of NATO was not on the table.                             | RU ukraine-nato-membership OPPOSE
      Russia said Ukraine's NATO membership was not on the table.                                | RU ukraine-nato-membership OPPOSE
      The Greens said there was no place for a ban on new onshore wind farms.                    | GREENS onshore-wind-ban OPPOSE
      The Liberals said they would not block the ban on new onshore wind farms.                  | LIBERALS onshore-wind-ban SUPPORT
      Russia said Ukraine must never join NATO.                                                  | RU ukraine-nato-membership OPPOSE
      Lind said the ban on new onshore wind farms was madness and must be scrapped.              | GREENS onshore-wind-ban OPPOSE
      "We will not agree to Ukraine joining NATO," the Kremlin said.                            | RU ukraine-nato-membership OPPOSE
      "Ukraine's place is not in NATO," the Kremlin said.                                       | RU ukraine-nato-membership OPPOSE
      Labour vowed to protect jobs in the north, rejecting the ban on new onshore wind farms.    | LABOUR onshore-wind-ban OPPOSE
      Turkey called for lifting the economic sanctions on Syria.                                 | TR syria-sanctions-relief SUPPORT
      The Liberals said they would never give up the ban on new onshore wind farms.              | LIBERALS onshore-wind-ban SUPPORT
      The Greens condemned the plan, saying the ban on new onshore wind farms would stay.        | GREENS onshore-wind-ban OPPOSE
      """)
  void shouldReadTheStance(String sentence, String expected) throws Exception {
    assertEquals(expected, RulesFixture.summary(RulesFixture.ingest(sentence)));
  }
}
